// A first test of this project under Jest: the probe Suitelet answers with the library that
// loaded. N/runtime is Oracle's stub (jest.mock); the library is the real one (jest.config.js).
import probe from 'SuiteScripts/vendor-central-connector/vcc_probe_sl';
import runtime from 'N/runtime';

jest.mock('N/runtime');

describe('VCC Probe', () => {
  it('reports the backend that runs and a working decideAcknowledgements', () => {
    runtime.version = '2026.1';
    const written = [];
    probe.onRequest({ request: { parameters: { format: 'json' } }, response: { setHeader: jest.fn(), write: (s) => written.push(s) } });
    const report = JSON.parse(written.join(''));
    expect(['wasm', 'wasm2js']).toContain(report.backend);
    expect(report.decideAcknowledgements).toBe('ok');
    expect(report.library.library).toMatch(/^\d+\.\d+\.\d+/);
  });
});
