import { serverOrganizations } from './server-organizations';

describe('serverOrganizations', () => {
  it('should work', () => {
    expect(serverOrganizations()).toEqual('server-organizations');
  });
});
