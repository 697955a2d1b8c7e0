/** Public entry point: reading a model from what a user hands over (file bytes or pasted text), and its limits. */
export { detectAndImport, readInput, type Imported, type ImportOptions, type InputFormat, type ReadInput } from './import/detect.ts';
export { looksLikePrintout, readPrintout, type PrintedRow, type Printout } from './import/printout.ts';
export { readPython, type PythonModel, type PythonRead } from './import/python/read-python.ts';
export { detectDialect, modelFromKerasJson } from './import/keras-json.ts';
export { MAX_JSON_DEPTH, parseJsonText, type Json } from './import/json-text.ts';
export { isZip, MAX_CONFIG_BYTES, modelFromKerasArchive } from './import/keras-archive.ts';
export { MAX_ZIP_ENTRIES, type ByteSource } from './import/zip-reader.ts';
