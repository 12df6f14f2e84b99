import { serverPersistence } from './server-persistence';

describe('serverPersistence', () => {
  it('should work', () => {
    expect(serverPersistence()).toEqual('server-persistence');
  });
});
