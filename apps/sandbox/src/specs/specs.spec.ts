import { startSandbox } from '../app/sandbox';
import { loadSpecs } from './load-specs';
import { findRepoRoot, resolveSpecsDir } from './specs-dir';

describe('spec loading', () => {
  it('finds the repository root and the shared specs beside it', () => {
    expect(findRepoRoot()).toMatch(/\S/);
    const specs = loadSpecs(resolveSpecsDir());
    expect(specs.vk.methods.get('wall.post')?.params.get('guid')).toMatchObject({ types: ['string'], required: false });
    expect(specs.vk.methods.get('wall.edit')?.params.get('post_id')).toMatchObject({ required: true, minimum: 0 });
    expect(specs.vk.errors.get(214)).toBe('Access to adding post denied');
    expect(specs.telegram.methods.get('sendMessage')?.get('text')).toMatchObject({ types: ['String'], required: true });
    expect(specs.telegram.types.get('InputMediaPhoto')?.has('caption')).toBe(true);
  });

  it('fails with a clear message when the specs folder is missing', async () => {
    expect(() => resolveSpecsDir('/nonexistent/specs')).toThrow('VESTNIK_SPECS_DIR points to /nonexistent/specs, which does not exist');
    await expect(startSandbox({ port: 0, specsDir: '/tmp' })).rejects.toThrow('Platform spec file missing');
  });
});
