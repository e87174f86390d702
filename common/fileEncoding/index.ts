/**
 * Reading files as Excel saves them, shared by the CLI and the extension's client: which encoding the bytes are in
 * and their text. The rules library never sees bytes; it is told the encoding (`ServiceSettings.encoding`).
 */
export { DETECTION_BYTES, detectEncoding, type DetectedEncoding } from './detectEncoding';
export { createDecoding, decodeFile, encodeUtf8, type DecodedFile, type TextDecoding } from './decodeText';
