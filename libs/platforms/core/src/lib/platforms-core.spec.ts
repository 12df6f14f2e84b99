import { platformsCore } from './platforms-core';

describe('platformsCore', () => {
  it('should work', () => {
    expect(platformsCore()).toEqual('platforms-core');
  });
});
