// The global object, found without assuming `globalThis` (ES2020) exists: the single-file
// bundles target older embedded engines where only ES2019 may be available.
/* eslint-disable no-new-func */
export const G =
  typeof globalThis === 'object' && globalThis
    ? globalThis
    : typeof self === 'object' && self
      ? self
      : typeof global === 'object' && global
        ? global
        : Function('return this')();
