import axios from 'axios';
import { startTestSandbox, TestSandbox } from '../contract/contract-kit';

const GROUP_ID = 301;
const TOKEN = 'vk1.a.fault-delay-token';

/** Delays that hold a request until the test lets it go, so a test decides which answer comes first. */
describe('fault delays, held and released through the control API', () => {
  let sandbox: TestSandbox;
  const control = () => axios.create({ baseURL: `${sandbox.url}/control`, proxy: false, validateStatus: () => true });
  const wallPost = (message: string) =>
    axios.post(`${sandbox.url}/vk/method/wall.post`, new URLSearchParams({ owner_id: `-${GROUP_ID}`, from_group: '1', message, v: '5.199' }).toString(), {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${TOKEN}` },
      proxy: false,
    });
  const addFault = async (spec: Record<string, unknown>): Promise<string> => (await control().post('/faults', spec)).data.fault.id;
  const untilHeld = async (n: number): Promise<void> => {
    while ((await control().get('/faults')).data.held !== n) await new Promise((r) => setTimeout(r, 20));
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.close());
  beforeEach(async () => {
    await sandbox.reset();
    await sandbox.seed({ vk: { communities: [{ id: GROUP_ID, name: 'Сельсовет' }], tokens: [{ token: TOKEN, userId: 3, adminOf: [{ groupId: GROUP_ID, level: 3 }] }] } });
  });

  it('holds a request in an error fault’s delay until released, then answers the error and stores nothing', async () => {
    // Far longer than the test may run: only the release can end the wait.
    const id = await addFault({ platform: 'vk', method: 'wall.post', kind: 'error', errorCode: 214, errorMessage: 'Access to adding post denied', delayMs: 600_000 });
    const answer = wallPost('Задержанная запись');
    await untilHeld(1);
    expect((await control().get('/faults')).data.faults).toEqual([]);
    expect((await control().post('/faults/release', { id })).data).toEqual({ ok: true, released: 1 });
    expect((await answer).data.error.error_code).toBe(214);
    expect(await sandbox.posts('vk', String(GROUP_ID))).toEqual([]);
    expect((await control().get('/faults')).data.held).toBe(0);
  });

  it('releases only the named fault’s requests; a released delay goes on as a normal request', async () => {
    const first = await addFault({ platform: 'vk', method: 'wall.post', kind: 'delay', delayMs: 600_000 });
    const firstAnswer = wallPost('Первая');
    await untilHeld(1);
    const second = await addFault({ platform: 'vk', method: 'wall.post', kind: 'delay', delayMs: 600_000 });
    const secondAnswer = wallPost('Вторая');
    await untilHeld(2);

    expect((await control().post('/faults/release', { id: second })).data.released).toBe(1);
    expect((await secondAnswer).data.response.post_id).toEqual(expect.any(Number));
    expect((await sandbox.posts('vk', String(GROUP_ID))).map((p) => p.text)).toEqual(['Вторая']);
    expect((await control().get('/faults')).data.held).toBe(1);

    expect((await control().post('/faults/release', { id: first })).data.released).toBe(1);
    expect((await firstAnswer).data.response.post_id).toEqual(expect.any(Number));
    expect((await sandbox.posts('vk', String(GROUP_ID))).map((p) => p.text)).toEqual(['Вторая', 'Первая']);
  });

  it('drops held requests at a reset instead of letting them act on the new world', async () => {
    await addFault({ platform: 'vk', method: 'wall.post', kind: 'delay', delayMs: 600_000 });
    const answer = wallPost('До сброса').then(
      () => 'answered',
      () => 'dropped',
    );
    await untilHeld(1);
    await sandbox.reset();
    expect(await answer).toBe('dropped');
    await sandbox.seed({ vk: { communities: [{ id: GROUP_ID, name: 'Сельсовет' }], tokens: [{ token: TOKEN, userId: 3, adminOf: [{ groupId: GROUP_ID, level: 3 }] }] } });
    expect(await sandbox.posts('vk', String(GROUP_ID))).toEqual([]);
  });

  it('refuses a release naming no fault id, and a delay that is not a number of milliseconds', async () => {
    expect((await control().post('/faults/release', { id: 7 })).status).toBe(400);
    expect((await control().post('/faults', { platform: 'vk', kind: 'delay', delayMs: -5 })).status).toBe(400);
    expect((await control().post('/faults/release', {})).data).toEqual({ ok: true, released: 0 });
  });
});
