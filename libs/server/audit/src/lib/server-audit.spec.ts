import { serverAudit } from './server-audit';

describe('serverAudit', () => {
  it('should work', () => {
    expect(serverAudit()).toEqual('server-audit');
  });
});
