/**
 * Probe: tells an administrator in one click what this account's script engine offers and which
 * build of the library runs there (WebAssembly, or the wasm2js fallback) and how long it took to
 * start. Answers JSON with ?format=json.
 *
 * @NApiVersion 2.1
 * @NScriptType Suitelet
 * @NModuleScope SameAccount
 */
define(['N/runtime', './lib/vendor-central-connector.amd'], (runtime, vcc) => {
  function probe() {
    // biome-ignore lint/security/noGlobalEval: indirect eval is how a script reaches the engine's own global object
    // biome-ignore lint/complexity/noCommaOperator: `(0, eval)` makes the eval indirect (global scope)
    const g = (0, eval)('this');
    let decideWorks = false;
    let decideError = null;
    try {
      vcc.decideAcknowledgements({ purchaseOrders: [], inventory: [], now: new Date().toISOString() });
      decideWorks = true;
    } catch (e) {
      decideError = `${e.code || e.name}: ${e.message}`;
    }
    return {
      library: vcc.version(),
      backend: vcc.backend,
      instantiationMs: vcc.instantiationMs,
      engine: {
        WebAssembly: typeof g.WebAssembly,
        TextDecoder: typeof g.TextDecoder,
        TextEncoder: typeof g.TextEncoder,
        atob: typeof g.atob,
      },
      decideAcknowledgements: decideWorks ? 'ok' : decideError,
      netsuite: { version: runtime.version, accountId: runtime.accountId, executionContext: runtime.executionContext },
    };
  }

  function onRequest(context) {
    const report = probe();
    if (context.request.parameters.format === 'json') {
      context.response.setHeader({ name: 'Content-Type', value: 'application/json' });
      context.response.write(JSON.stringify(report));
      return;
    }
    const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
    const rows = [
      ['library', report.library.library],
      ['backend', report.backend],
      ['instantiation', `${Number(report.instantiationMs).toFixed(1)} ms`],
      ['typeof WebAssembly', report.engine.WebAssembly],
      ['typeof TextDecoder', report.engine.TextDecoder],
      ['typeof TextEncoder', report.engine.TextEncoder],
      ['typeof atob', report.engine.atob],
      ['decideAcknowledgements', report.decideAcknowledgements],
      ['NetSuite', report.netsuite.version],
    ];
    context.response.write(
      `<html><body><h1>vendor-central-connector probe</h1><table>${rows.map((r) => `<tr><th align="left">${esc(r[0])}</th><td>${esc(r[1])}</td></tr>`).join('')}</table></body></html>`,
    );
  }

  return { onRequest };
});
