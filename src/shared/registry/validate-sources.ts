/** Provenance checks shared by every record: `sources`, `source_refs`, `notes`. */
import {
  FIELD_PATH_MAX_CHARS, NOTE_MAX_CHARS, NOTES_MAX_CHARS, SOURCE_REFS_MAX, SOURCES_MAX, SOURCES_MIN, TITLE_MAX_CHARS,
} from './limits.constants';
import {
  checkDate, checkList, checkNumber, checkObject, checkOptionalText, checkText, checkUrl, invalid, join, type Issue,
} from './validate.utils';

const FIELD_PATH = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

export function checkSource(v: unknown, path: string): Issue {
  const s = v as Record<string, unknown>;
  return (
    checkObject(v, path, ['url', 'title', 'accessed'], ['note']) ??
    checkUrl(s.url, join(path, 'url')) ??
    checkText(s.title, join(path, 'title'), { max: TITLE_MAX_CHARS }) ??
    checkDate(s.accessed, join(path, 'accessed')) ??
    checkOptionalText(s.note, join(path, 'note'), { max: NOTE_MAX_CHARS, multiline: true })
  );
}

export function checkSources(v: unknown, path: string, min: number = SOURCES_MIN): Issue {
  return checkList(v, path, { min, max: SOURCES_MAX }, checkSource);
}

/** Index into the record's sources list. */
export function checkSourceIndex(v: unknown, path: string, sourceCount: number): Issue {
  const e = checkNumber(v, path, { min: 0, max: SOURCES_MAX - 1, integer: true, unit: 'source index' });
  if (e) return e;
  return (v as number) < sourceCount ? null : invalid(path, `refers to source ${v as number} but the record has ${sourceCount}`);
}

/** The value at a dotted path (`peak.fp8.dense`, `prices.0.value`), or undefined when the path names nothing. */
export function valueAtPath(rec: unknown, field: string): unknown {
  let cur: unknown = rec;
  for (const part of field.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, part)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function checkSourceRef(v: unknown, path: string, rec: Record<string, unknown>, sourceCount: number): Issue {
  const s = v as Record<string, unknown>;
  return (
    checkObject(v, path, ['field', 'source'], ['note']) ??
    checkText(s.field, join(path, 'field'), { max: FIELD_PATH_MAX_CHARS, pattern: FIELD_PATH, patternHint: 'a dotted field path like peak.fp8.dense' }) ??
    (valueAtPath(rec, s.field as string) === undefined ? invalid(join(path, 'field'), `names no field of this record: ${s.field as string}`) : null) ??
    checkSourceIndex(s.source, join(path, 'source'), sourceCount) ??
    checkOptionalText(s.note, join(path, 'note'), { max: NOTE_MAX_CHARS, multiline: true })
  );
}

/** Checks `sources`, optional `source_refs` (indexes in range) and optional `notes` of a record. */
export function checkProvenance(rec: Record<string, unknown>, path: string, minSources: number = SOURCES_MIN): Issue {
  const e = checkSources(rec.sources, join(path, 'sources'), minSources);
  if (e) return e;
  const count = (rec.sources as unknown[]).length;
  return (
    (rec.source_refs === undefined
      ? null
      : checkList(rec.source_refs, join(path, 'source_refs'), { max: SOURCE_REFS_MAX }, (r, p) => checkSourceRef(r, p, rec, count))) ??
    checkOptionalText(rec.notes, join(path, 'notes'), { max: NOTES_MAX_CHARS, multiline: true })
  );
}

export const PROVENANCE_KEYS = ['sources'] as const;
export const OPTIONAL_PROVENANCE_KEYS = ['source_refs', 'notes'] as const;
