/**
 * Searches the way NetSuite allows them, and the usage units they cost.
 *   - Every result is read with Search.runPaged (pages of 1,000: 5 units, plus 5 per page);
 *     ResultSet.getRange stops at 1,000 rows per call and ResultSet.each at 4,000 in all.
 *   - A text field (Free-Form Text, Text Area, Long Text) takes is / contains / startswith …,
 *     never anyof (List/Record and Multiple Select fields only, else
 *     SSS_INVALID_SRCH_OPERATOR): "any of these values" on text is an OR of terms, in chunks.
 *   - Searches made here sort by internal id: Oracle asks for a sort order with runPaged, or rows
 *     may repeat or go missing between pages.
 *
 * @NApiVersion 2.1
 * @NModuleScope SameAccount
 */
define(['N/search', 'N/runtime'], (search, runtime) => {
  const PAGE_SIZE = 1000;
  /** OR terms in one filter expression: a few searches of 100 terms rather than one of thousands. */
  const TERMS_PER_SEARCH = 100;

  function chunks(list, size) {
    const out = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out;
  }

  /** [[field, operator, v1], 'or', [field, operator, v2], …]: "any of" for a text field. */
  function anyOfText(fieldId, operator, values) {
    const expression = [];
    values.forEach((value, i) => {
      if (i > 0) expression.push('or');
      expression.push([fieldId, operator, value]);
    });
    return expression;
  }

  /** Columns by name, sorted by internal id first (runPaged needs a sort order). */
  function columnsSortedById(names) {
    return [search.createColumn({ name: 'internalid', sort: search.Sort.ASC })].concat(names.filter((n) => n !== 'internalid'));
  }

  /**
   * Calls fn(row) for every row of a search, a page of 1,000 at a time; returns how many rows and
   * pages were read.
   */
  function eachRow(s, fn) {
    const paged = s.runPaged({ pageSize: PAGE_SIZE });
    let rows = 0;
    paged.pageRanges.forEach((range) => {
      paged.fetch({ index: range.index }).data.forEach((row) => {
        rows += 1;
        fn(row);
      });
    });
    return { rows, pages: paged.pageRanges.length, count: paged.count };
  }

  /** Every row of a search (see eachRow). */
  function allRows(s) {
    const rows = [];
    const read = eachRow(s, (row) => rows.push(row));
    return { rows, pages: read.pages };
  }

  /**
   * Runs `make(chunk)` (a search) for each chunk of `values` and collects every row: "text field
   * is any of these" in as few searches as the OR-term chunks allow.
   */
  function rowsForValues(values, make) {
    const rows = [];
    let searches = 0;
    let pages = 0;
    chunks(values, TERMS_PER_SEARCH).forEach((chunk) => {
      searches += 1;
      pages += eachRow(make(chunk), (row) => rows.push(row)).pages;
    });
    return { rows, searches, pages };
  }

  /** Usage units left to this invocation. */
  function remainingUsage() {
    return runtime.getCurrentScript().getRemainingUsage();
  }

  return { PAGE_SIZE, TERMS_PER_SEARCH, chunks, anyOfText, columnsSortedById, eachRow, allRows, rowsForValues, remainingUsage };
});
