// A strict parser for the XML subset SDF uses, shared by the build (js/build/netsuite.mjs, an ES
// module) and the SuiteScript test double (CommonJS, loaded by Jest): one parser, one set of rules.
'use strict';

/**
 * A strict parser for the XML subset SDF uses (elements, attributes, text, comments, the XML
 * declaration, entities): throws on anything not well-formed. Returns {name, attributes, children}.
 */
function parseXml(text) {
  let i = 0;
  const fail = (msg) => {
    const line = text.slice(0, i).split('\n').length;
    throw new Error(`${msg} (line ${line})`);
  };
  const skipMisc = () => {
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i += 1;
      if (text.startsWith('<?', i)) {
        const end = text.indexOf('?>', i);
        if (end < 0) fail('unterminated processing instruction');
        i = end + 2;
      } else if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else return;
    }
  };
  const name = () => {
    const m = /^[A-Za-z_][\w.-]*/.exec(text.slice(i));
    if (!m) fail('expected a name');
    i += m[0].length;
    return m[0];
  };
  const checkEntities = (s) => {
    for (const m of s.matchAll(/&([^;\s]*);?/g)) {
      if (!/^(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(m[1]) || !m[0].endsWith(';')) fail(`bad entity ${m[0]}`);
    }
    if (s.includes('<')) fail('"<" in text');
    return s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  };
  const element = () => {
    if (text[i] !== '<') fail('expected an element');
    i += 1;
    const node = { name: name(), attributes: {}, children: [] };
    for (;;) {
      while (/\s/.test(text[i] ?? '')) i += 1;
      if (text.startsWith('/>', i)) {
        i += 2;
        return node;
      }
      if (text[i] === '>') {
        i += 1;
        break;
      }
      const attr = name();
      if (attr in node.attributes) fail(`duplicate attribute ${attr}`);
      while (/\s/.test(text[i])) i += 1;
      if (text[i] !== '=') fail('expected =');
      i += 1;
      while (/\s/.test(text[i])) i += 1;
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted attribute value');
      const end = text.indexOf(quote, i + 1);
      if (end < 0) fail('unterminated attribute value');
      node.attributes[attr] = checkEntities(text.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      if (i >= text.length) fail(`unclosed <${node.name}>`);
      if (text.startsWith('<!--', i)) {
        const end = text.indexOf('-->', i);
        if (end < 0) fail('unterminated comment');
        i = end + 3;
      } else if (text.startsWith('<![CDATA[', i)) {
        const end = text.indexOf(']]>', i);
        if (end < 0) fail('unterminated CDATA');
        node.children.push(text.slice(i + 9, end));
        i = end + 3;
      } else if (text.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== node.name) fail(`</${closing}> closes <${node.name}>`);
        while (/\s/.test(text[i])) i += 1;
        if (text[i] !== '>') fail('expected >');
        i += 1;
        return node;
      } else if (text[i] === '<') {
        node.children.push(element());
      } else {
        const end = text.indexOf('<', i);
        if (end < 0) fail(`unclosed <${node.name}>`);
        node.children.push(checkEntities(text.slice(i, end)));
        i = end;
      }
    }
  };
  skipMisc();
  const root = element();
  skipMisc();
  if (i < text.length) fail('content after the root element');
  return root;
}

module.exports = { parseXml };
