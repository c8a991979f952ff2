import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, vary } from '../service/fixture';
import { ServerProcess } from './serverProcess';

const vhd = vary([['SqlData.vhdx', 'SqlData.vhd']]);
const codes = (diagnostics: { code?: number | string }[]) => diagnostics.map((d) => String(d.code));

describe('language server transports and settings', () => {
  it('speaks LSP over Node IPC, as VS Code starts it', async () => {
    const { server } = await ServerProcess.start({}, { transport: 'ipc' });
    try {
      assert.ok(codes(await server.open('file:///ipc.gcluster.yaml', vhd)).includes('STOR001'));
      assert.deepEqual(await server.change('file:///ipc.gcluster.yaml', 2, [{ text: baseline }]), []);
    } finally {
      await server.stop();
    }
  });

  it('takes settings from initializationOptions and didChangeConfiguration when it cannot ask', async () => {
    const { server } = await ServerProcess.start(
      { rules: { STOR001: 'off' } },
      { pullsConfiguration: false },
    );
    try {
      const uri = 'file:///push.gcluster.yaml';
      assert.ok(!codes(await server.open(uri, vhd)).includes('STOR001'));
      const published = server.nextDiagnostics(uri, (p) => codes(p.diagnostics).includes('STOR001'));
      await server.configure({ rules: { STOR001: 'hint' } });
      assert.equal((await published).diagnostics.find((d) => d.code === 'STOR001')?.severity, 4);
    } finally {
      await server.stop();
    }
  });

  it('ignores nonsense in the settings instead of failing', async () => {
    const { server } = await ServerProcess.start({
      rules: { STOR001: 'loud', NET001: 7 },
      maxFileSizeMB: 'big',
    });
    try {
      const diagnostics = await server.open('file:///nonsense.gcluster.yaml', vhd);
      assert.equal(diagnostics.find((d) => d.code === 'STOR001')?.severity, 1);
    } finally {
      await server.stop();
    }
  });
});
