import type { AnyPageConnector } from '@vestnik/platforms/core';
import { ApiException } from '@vestnik/server/http';
import { OAuthConnectors, platformProblem } from './oauth-connectors';

const vk = { platform: 'vk', usesPkce: true } as unknown as AnyPageConnector;

function refusal(run: () => unknown): { status: number; code: string; message: string } {
  try {
    run();
  } catch (e) {
    const body = (e as ApiException).getResponse() as { code: string; message: string };
    return { status: (e as ApiException).getStatus(), code: body.code, message: body.message };
  }
  throw new Error('no refusal');
}

describe('OAuthConnectors', () => {
  it('finds the configured connector and names what to configure for a missing one', () => {
    const connectors = new OAuthConnectors([vk]);
    expect(connectors.require('vk')).toBe(vk);
    expect(refusal(() => connectors.require('ok'))).toMatchObject({ status: 422, code: 'oauth_unavailable', message: expect.stringContaining('OK_CLIENT_ID') });
    expect(refusal(() => new OAuthConnectors(null).require('vk'))).toMatchObject({ status: 422, message: expect.stringContaining('VK_CLIENT_ID') });
  });

  it('knows no OAuth for other platforms', () => {
    expect(refusal(() => new OAuthConnectors([vk]).require('telegram'))).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('turns a refusal into 422 and silence into 503, with the platform reason', () => {
    expect(platformProblem({ status: 'auth_expired', refreshable: false, reason: 'Токен истёк' }).getStatus()).toBe(422);
    expect(platformProblem({ status: 'transient', reason: 'Таймаут' }).getResponse()).toMatchObject({ code: 'platform_unavailable', platformReason: 'Таймаут' });
  });
});
