import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseline, expectDiagnostics, expectNone, vary } from '../fixture';
import { expectRelated, messageText } from './helpers';

const generation = '    generation: 2\n';
const memory = 'memory: { startupGB: 16 }';
const processors = '    processors: 4\n';
const osPath = "'C:\\ClusterStorage\\Volume1\\SQLVM01\\os.vhdx'";

/** The baseline with other hosts and the first VM of another generation. */
function on(hostOs: string, vmGeneration: number, text = baseline): string {
  return vary(
    [
      ['  os: windowsServer2012R2', `  os: ${hostOs}`],
      [generation, `    generation: ${vmGeneration}\n`],
    ],
    text,
  );
}

describe('GEN001 generation', () => {
  it('reports a generation other than 1 or 2, without a schema error too', () => {
    const text = vary([[generation, '    generation: «3»\n']]);
    const [d] = expectDiagnostics(text, 'GEN001', 'error');
    assert.match(messageText(d), /^Generation 3 does not exist: a Hyper-V VM is Generation 1 or 2/);
    expectNone(text.replace(/[«»]/g, ''), 'SCHEMA004');
    expectDiagnostics(vary([[generation, '    generation: «0»\n']]), 'GEN001', 'error');
  });

  it('accepts 1 and 2', () => {
    expectNone(baseline, 'GEN001');
    expectNone(vary([[generation, '    generation: 1\n']]), 'GEN001');
  });

  it('leaves a generation written as text to the schema', () => {
    const text = vary([[generation, "    generation: «'2'»\n"]]);
    const [d] = expectDiagnostics(text, 'SCHEMA003', 'error');
    assert.equal(messageText(d), "Generation must be a whole number; got '2'.");
    expectNone(text.replace(/[«»]/g, ''), 'GEN001');
  });
});

describe('GEN002 Generation 2 boots from a .vhdx', () => {
  it('reports a .vhd OS disk on Generation 2, pointing at the generation', () => {
    const [d] = expectRelated(
      vary([
        [generation, '    generation: ‹2›\n'],
        [osPath, "«'C:\\ClusterStorage\\Volume1\\SQLVM01\\os.VHD'»"],
      ]),
      'GEN002',
      'error',
    );
    assert.match(
      messageText(d),
      /^'SQLVM01' is Generation 2, which boots only from a \.vhdx; its OS disk is a \.vhd/,
    );
  });

  it('accepts a .vhd OS disk on Generation 1 and a .vhdx on Generation 2', () => {
    expectNone(
      vary([
        [generation, '    generation: 1\n'],
        ['os.vhdx', 'os.vhd'],
      ]),
      'GEN002',
    );
    expectNone(baseline, 'GEN002');
  });
});

describe('MEM001 memory limit', () => {
  it('allows 1 TB on 2012 R2 hosts', () => {
    const [d] = expectDiagnostics(vary([[memory, 'memory: { startupGB: «1025» }']]), 'MEM001', 'error');
    assert.match(messageText(d), /^'SQLVM01' asks for 1025 GB of memory; Hyper-V allows at most 1024 GB/);
    expectNone(vary([[memory, 'memory: { startupGB: 1024 }']]), 'MEM001');
  });

  it('checks the dynamic maximum too', () => {
    expectDiagnostics(
      vary([[memory, 'memory: { startupGB: 16, dynamic: true, minimumGB: 8, maximumGB: «2048» }']]),
      'MEM001',
      'error',
    );
  });

  it('allows 12 TB to Generation 2 on 2016 and 2019 hosts', () => {
    for (const os of ['windowsServer2016', 'windowsServer2019']) {
      expectNone(on(os, 2, vary([[memory, 'memory: { startupGB: 12288 }']])), 'MEM001');
      expectDiagnostics(on(os, 2, vary([[memory, 'memory: { startupGB: «12289» }']])), 'MEM001', 'error');
    }
  });

  it('allows Generation 1 only 1 TB on any host', () => {
    expectDiagnostics(
      on('windowsServer2016', 1, vary([[memory, 'memory: { startupGB: «1025» }']])),
      'MEM001',
      'error',
    );
  });

  it('asserts nothing beyond 2019, where its sources end', () => {
    expectNone(on('windowsServer2022', 2, vary([[memory, 'memory: { startupGB: 20000 }']])), 'MEM001');
  });
});

describe('CPU001 processor limit', () => {
  it('allows 64 virtual processors on 2012 R2 hosts', () => {
    const [d] = expectDiagnostics(vary([[processors, '    processors: «65»\n']]), 'CPU001', 'error');
    assert.match(messageText(d), /^'SQLVM01' has 65 virtual processors; Hyper-V allows at most 64/);
    expectNone(vary([[processors, '    processors: 64\n']]), 'CPU001');
  });

  it('allows 240 to Generation 2 on 2016 and 2019 hosts', () => {
    for (const os of ['windowsServer2016', 'windowsServer2019']) {
      expectNone(on(os, 2, vary([[processors, '    processors: 240\n']])), 'CPU001');
      const [d] = expectDiagnostics(
        on(os, 2, vary([[processors, '    processors: «241»\n']])),
        'CPU001',
        'error',
      );
      assert.match(messageText(d), /at most 240/);
    }
  });

  it('allows Generation 1 only 64 on any host', () => {
    expectDiagnostics(
      on('windowsServer2019', 1, vary([[processors, '    processors: «65»\n']])),
      'CPU001',
      'error',
    );
    expectNone(on('windowsServer2019', 1, vary([[processors, '    processors: 64\n']])), 'CPU001');
  });

  it('asserts nothing beyond 2019', () => {
    expectNone(on('windowsServer2025', 2, vary([[processors, '    processors: 500\n']])), 'CPU001');
  });
});

describe('MEM002 dynamic memory minimums of 2012 R2 guests', () => {
  it('reports a minimum under 256 MB', () => {
    const [d] = expectDiagnostics(
      vary([[memory, 'memory: { startupGB: 16, dynamic: true, minimumGB: «0.2», maximumGB: 32 }']]),
      'MEM002',
      'error',
    );
    assert.match(
      messageText(d),
      /^'SQLVM01' has dynamic memory with a minimum of 0.2 GB; .* at least 256 MB \(0.25 GB\)/,
    );
  });

  it('reports a startup or maximum under 512 MB', () => {
    expectDiagnostics(
      vary([[memory, 'memory: { startupGB: «0.4», dynamic: true, minimumGB: 0.25, maximumGB: «0.45» }']]),
      'MEM002',
      'error',
    );
  });

  it('accepts the exact minimums', () => {
    expectNone(
      vary([[memory, 'memory: { startupGB: 0.5, dynamic: true, minimumGB: 0.25, maximumGB: 0.5 }']]),
      'MEM002',
    );
  });

  it('checks neither static memory nor a 2012 guest', () => {
    expectNone(vary([[memory, 'memory: { startupGB: 0.4, minimumGB: 0.1 }']]), 'MEM002');
    expectNone(
      vary([
        ['    guestOs: windowsServer2012R2\n', '    guestOs: windowsServer2012\n'],
        [memory, 'memory: { startupGB: 0.4, dynamic: true, minimumGB: 0.1, maximumGB: 1 }'],
      ]),
      'MEM002',
    );
  });
});

describe('MEM003 dynamic memory order', () => {
  it('reports a minimum above startup, pointing at startup', () => {
    const [d] = expectRelated(
      vary([[memory, 'memory: { startupGB: ‹16›, dynamic: true, minimumGB: «32», maximumGB: 64 }']]),
      'MEM003',
      'error',
    );
    assert.match(messageText(d), /^'SQLVM01': minimum memory 32 GB is more than startup memory 16 GB/);
  });

  it('reports a maximum below startup, pointing at startup', () => {
    const [d] = expectRelated(
      vary([[memory, 'memory: { startupGB: ‹16›, dynamic: true, minimumGB: 4, maximumGB: «8» }']]),
      'MEM003',
      'error',
    );
    assert.match(messageText(d), /maximum memory 8 GB is less than startup memory 16 GB/);
  });

  it('compares the maximum with the minimum when startup is missing', () => {
    const [d] = expectRelated(
      vary([[memory, 'memory: { dynamic: true, minimumGB: ‹16›, maximumGB: «8» }']]),
      'MEM003',
      'error',
    );
    assert.match(messageText(d), /less than minimum memory 16 GB/);
  });

  it('accepts minimum = startup = maximum, and ignores static memory', () => {
    expectNone(
      vary([[memory, 'memory: { startupGB: 16, dynamic: true, minimumGB: 16, maximumGB: 16 }']]),
      'MEM003',
    );
    expectNone(vary([[memory, 'memory: { startupGB: 16, minimumGB: 32, maximumGB: 8 }']]), 'MEM003');
  });
});
