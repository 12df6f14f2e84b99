import { platformsRules } from './platforms-rules';

describe('platformsRules', () => {
  it('should work', () => {
    expect(platformsRules()).toEqual('platforms-rules');
  });
});
