// N/record of the double: records in memory, standard and dynamic mode, field types and lengths
// from the project's objects, and usage units by record category.
'use strict';

const { RECORD_UNITS, recordCategory } = require('./rules.cjs');
const { fail } = require('./account.cjs');

const Type = { SALES_ORDER: 'salesorder', ITEM_FULFILLMENT: 'itemfulfillment', INVENTORY_ITEM: 'inventoryitem' };

const copyData = (data) => ({
  fields: { ...data.fields },
  sublists: Object.fromEntries(Object.entries(data.sublists ?? {}).map(([k, lines]) => [k, lines.map((l) => ({ ...l }))])),
});

function createRecordModule(account) {
  const units = (type, times = 1) => RECORD_UNITS[recordCategory(type)] * times;

  const checked = (type, fieldId, value, sublistId) => {
    const fieldType = account.fieldType(type, fieldId, sublistId);
    if (fieldType) account.checkFieldValue(type, fieldId, fieldType, value);
    return value;
  };

  class Record {
    constructor(type, id, data, isDynamic) {
      this.type = String(type).toLowerCase();
      this.id = id;
      this.isDynamic = Boolean(isDynamic);
      this.data = copyData(data);
      this.current = {};
    }

    getValue(options) {
      const fieldId = typeof options === 'string' ? options : options.fieldId;
      const v = this.data.fields[fieldId];
      return v === undefined ? '' : v;
    }

    getText(options) {
      return String(this.getValue(options));
    }

    setValue({ fieldId, value }) {
      this.data.fields[fieldId] = checked(this.type, fieldId, value);
      return this;
    }

    lines(sublistId) {
      if (!this.data.sublists[sublistId]) this.data.sublists[sublistId] = [];
      return this.data.sublists[sublistId];
    }

    getLineCount({ sublistId }) {
      return (this.data.sublists[sublistId] ?? []).length;
    }

    getSublistValue({ sublistId, fieldId, line }) {
      const row = (this.data.sublists[sublistId] ?? [])[line];
      if (!row) fail('SSS_INVALID_SUBLIST_OPERATION', `no line ${line} on ${sublistId}`);
      return row[fieldId] === undefined ? '' : row[fieldId];
    }

    setSublistValue({ sublistId, fieldId, line, value }) {
      if (this.isDynamic)
        fail('SSS_INVALID_API_USAGE', 'setSublistValue is for records in standard mode; use selectLine / setCurrentSublistValue');
      const lines = this.lines(sublistId);
      if (line > lines.length) fail('SSS_INVALID_SUBLIST_OPERATION', `line ${line} is past the end of ${sublistId}`);
      lines[line] ??= {};
      lines[line][fieldId] = checked(this.type, fieldId, value, sublistId);
      return this;
    }

    findSublistLineWithValue({ sublistId, fieldId, value }) {
      return (this.data.sublists[sublistId] ?? []).findIndex((l) => String(l[fieldId]) === String(value));
    }

    selectNewLine({ sublistId }) {
      this.requireDynamic('selectNewLine');
      this.current[sublistId] = { line: -1, values: {} };
      return this;
    }

    selectLine({ sublistId, line }) {
      this.requireDynamic('selectLine');
      const row = (this.data.sublists[sublistId] ?? [])[line];
      if (!row) fail('SSS_INVALID_SUBLIST_OPERATION', `no line ${line} on ${sublistId}`);
      this.current[sublistId] = { line, values: { ...row } };
      return this;
    }

    setCurrentSublistValue({ sublistId, fieldId, value }) {
      const cur = this.current[sublistId];
      if (!cur) fail('SSS_INVALID_SUBLIST_OPERATION', `no line of ${sublistId} is selected`);
      cur.values[fieldId] = checked(this.type, fieldId, value, sublistId);
      return this;
    }

    getCurrentSublistValue({ sublistId, fieldId }) {
      return this.current[sublistId]?.values[fieldId] ?? '';
    }

    commitLine({ sublistId }) {
      const cur = this.current[sublistId];
      if (!cur) fail('SSS_INVALID_SUBLIST_OPERATION', `no line of ${sublistId} is selected`);
      const lines = this.lines(sublistId);
      if (cur.line < 0) lines.push(cur.values);
      else lines[cur.line] = cur.values;
      delete this.current[sublistId];
      return this;
    }

    requireDynamic(api) {
      if (!this.isDynamic) fail('SSS_INVALID_API_USAGE', `${api} needs a record in dynamic mode (isDynamic: true)`);
    }

    save() {
      account.charge(units(this.type, 2), 'Record.save');
      if (!this.id) this.id = account.nextId();
      const table = account.table(this.type);
      const before = table.get(String(this.id));
      table.set(String(this.id), copyData(this.data));
      account.wrote(this.type, String(this.id), before?.fields, this.data.fields);
      return Number(this.id);
    }
  }

  const existing = (type, id) => {
    const data = account.table(type).get(String(id));
    if (!data) fail('RCRD_DSNT_EXIST', `That record does not exist. (${type} ${id})`);
    return data;
  };

  return {
    Type,
    /** The double's Record class, for tests that build a record in hand (user event newRecord). */
    Record,
    create({ type, isDynamic = false }) {
      account.charge(units(type), 'record.create');
      return new Record(type, null, { fields: {}, sublists: {} }, isDynamic);
    },
    load({ type, id, isDynamic = false }) {
      account.charge(units(type), 'record.load');
      return new Record(type, String(id), existing(type, id), isDynamic);
    },
    submitFields({ type, id, values }) {
      account.charge(units(type), 'record.submitFields');
      const data = existing(type, id);
      for (const [fieldId, value] of Object.entries(values)) checked(String(type).toLowerCase(), fieldId, value);
      const before = { ...data.fields };
      Object.assign(data.fields, values);
      account.wrote(type, String(id), before, data.fields);
      return Number(id);
    },
    delete({ type, id }) {
      account.charge(units(type, 2), 'record.delete');
      const before = existing(type, id);
      account.table(type).delete(String(id));
      account.wrote(type, String(id), before.fields, null);
      return Number(id);
    },
  };
}

module.exports = { createRecordModule };
