import { platformsOk } from './platforms-ok';

describe('platformsOk', () => {
  it('should work', () => {
    expect(platformsOk()).toEqual('platforms-ok');
  });
});
