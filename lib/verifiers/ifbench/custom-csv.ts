import { PyCsvError, readPyCsv } from '../nlp/pycsv';
import { pyStrip } from '../nlp/pytext';
import { CUSTOM_PROMPT, fixedText } from './spec';
import { PY_SPACE_CLASS } from './text';

/**
 * custom:csv_* ids (ifbench/instructions.py @db69a6f), parsed with Python's csv.reader semantics. Where Python's
 * csv module or indexing raises (a stray \r, a NUL, an empty tab field), upstream's run crashes; we answer false.
 */

function rowsOrNull(text: string, delimiter = ','): string[][] | null {
  try {
    return readPyCsv(text, delimiter);
  } catch (e) {
    if (e instanceof PyCsvError) return null;
    throw e;
  }
}

const CITY_HEADER = ['ID', 'Country', 'City', 'Year', 'Count'];
export const csvCity = fixedText(
  'custom:csv_city',
  'Generate CSV data: The column names are ["ID", "Country", "City", "Year", "Count"], the data should be comma delimited. Please generate 7 rows.',
  (r) => {
    const rows = rowsOrNull(r);
    if (rows === null || rows.length !== 8) return false;
    const header = rows[0]!;
    return header.length === 5 && header.every((h, i) => h === CITY_HEADER[i]) && rows.every((row) => row.length === 5);
  },
  CUSTOM_PROMPT,
);

/** The header may quote each name; `[ \t]*` may follow each comma. */
const PRODUCT_HEADER =
  /^(ProductID|"ProductID"),[ \t]*(Category|"Category"),[ \t]*(Brand|"Brand"),[ \t]*(Price|"Price"),[ \t]*(Stock|"Stock")$/;
const QUOTED_SPECIAL = new RegExp(`^"[^\\n]*[^\\p{L}\\p{N}_${PY_SPACE_CLASS}][^\\n]*"`, 'u');
export const csvSpecialCharacter = fixedText(
  'custom:csv_special_character',
  'Generate CSV data: The column names are ["ProductID", "Category", "Brand", "Price", "Stock"], the data should be comma delimited. Please generate 14 rows. Add one field which contains a special character and enclose it in double quotes.',
  (r) => {
    if (!PRODUCT_HEADER.test(pyStrip(r.split('\n')[0]!))) return false;
    // Every " is tripled before parsing, so a quoted field keeps its quotes: '"a,b"' parses to the text "a,b".
    const rows = rowsOrNull(r.replaceAll('"', '"""'));
    if (rows === null || rows.length !== 15) return false;
    for (const row of rows.slice(1)) {
      if (row.length !== 5) return false;
      // Upstream returns at the first row holding such a field, so later rows are never length-checked.
      if (row.some((f) => QUOTED_SPECIAL.test(f))) return true;
    }
    return false;
  },
  CUSTOM_PROMPT,
);

const STUDENT_HEADER =
  /^(StudentID|"StudentID")\t *(Subject|"Subject")\t *(Grade|"Grade")\t *(Semester|"Semester")\t *(Score|"Score")$/;
export const csvQuotes = fixedText(
  'custom:csv_quotes',
  'Generate CSV data: The column names are ["StudentID", "Subject", "Grade", "Semester", "Score"], the data should be tab delimited. Please generate 3 rows and enclose each single field in double quotes.',
  (r) => {
    if (!STUDENT_HEADER.test(pyStrip(r.split('\n')[0]!))) return false;
    const rows = rowsOrNull(r.replaceAll('"', '"""'), '\t');
    if (rows === null || rows.length !== 4) return false;
    return rows.every((row) => {
      if (row.length !== 5) return false;
      return row.every((f) => {
        const s = pyStrip(f);
        // An empty field raises IndexError upstream.
        return s !== '' && s.startsWith('"') && s.endsWith('"');
      });
    });
  },
  CUSTOM_PROMPT,
);
