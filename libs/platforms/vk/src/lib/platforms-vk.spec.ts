import { platformsVk } from './platforms-vk';

describe('platformsVk', () => {
  it('should work', () => {
    expect(platformsVk()).toEqual('platforms-vk');
  });
});
