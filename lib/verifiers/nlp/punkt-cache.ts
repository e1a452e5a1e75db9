import { packArrays, unpackArrays } from '../../data/typed-arrays-file';
import { orthoContext, type PunktParams } from './punkt-params';

/** Punkt parameters as one binary file (lib/data/typed-arrays-file.ts): the three small sets in the header. */
const FORMAT = 'ifkit-punkt-params/1';

/** The parameters as bytes for `deserializePunktParams`; `key` identifies the files they were read from. */
export function serializePunktParams(params: PunktParams, key: string): Buffer {
  const { types, flags } = params.orthoContext;
  const header = { format: FORMAT, key, abbrevTypes: [...params.abbrevTypes], collocations: [...params.collocations], sentStarters: [...params.sentStarters] };
  return packArrays(header, { text: types.text, start: types.start, slots: types.slots, flags });
}

/** The parameters stored by `serializePunktParams`, or null when the bytes are not them (format, key, shapes). */
export function deserializePunktParams(bytes: Buffer, key: string): PunktParams | null {
  const unpacked = unpackArrays(bytes);
  if (unpacked === null || unpacked.header.format !== FORMAT || unpacked.header.key !== key) return null;
  const header = unpacked.header as { abbrevTypes: string[]; collocations: string[]; sentStarters: string[] };
  const { text, start, slots, flags } = Object.fromEntries(unpacked.arrays);
  const shapesHold =
    text instanceof Uint16Array && start instanceof Int32Array && slots instanceof Int32Array && flags instanceof Uint8Array &&
    start.length === flags.length + 1 && start.at(-1) === text.length && (slots.length & (slots.length - 1)) === 0 && slots.length > flags.length;
  if (!shapesHold) return null;
  return {
    abbrevTypes: new Set(header.abbrevTypes),
    collocations: new Set(header.collocations),
    sentStarters: new Set(header.sentStarters),
    orthoContext: orthoContext({ text, start, slots }, flags),
  };
}
