import { packArrays, unpackArrays } from '../../data/typed-arrays-file';
import type { PerceptronModel } from './pos-tagger-model';

/** The tagger model as one binary file (lib/data/typed-arrays-file.ts): classes and tagdict in the header. */
const FORMAT = 'ifkit-perceptron-tagger/1';

/** The model as bytes for `deserializePerceptronModel`; `key` identifies the files it was read from. */
export function serializePerceptronModel(model: PerceptronModel, key: string): Buffer {
  const { features, offsets, labels, values } = model;
  const header = { format: FORMAT, key, classes: [...model.classes], tagdict: [...model.tagdict] };
  return packArrays(header, { offsets, labels, values, text: features.text, start: features.start, slots: features.slots });
}

/** The model stored by `serializePerceptronModel`, or null when the bytes are not one (format, key, shapes). */
export function deserializePerceptronModel(bytes: Buffer, key: string): PerceptronModel | null {
  const unpacked = unpackArrays(bytes);
  if (unpacked === null || unpacked.header.format !== FORMAT || unpacked.header.key !== key) return null;
  const { classes, tagdict } = unpacked.header as { classes: string[]; tagdict: Array<[string, string]> };
  const { offsets, labels, values, text, start, slots } = Object.fromEntries(unpacked.arrays);
  const shapesHold =
    offsets instanceof Int32Array && labels instanceof Uint8Array && values instanceof Float64Array &&
    text instanceof Uint16Array && start instanceof Int32Array && slots instanceof Int32Array &&
    start.length === offsets.length && offsets.at(-1) === labels.length && values.length === labels.length &&
    start.at(-1) === text.length && (slots.length & (slots.length - 1)) === 0 && slots.length >= start.length;
  if (!shapesHold) return null;
  return { classes, features: { text, start, slots }, offsets, labels, values, tagdict: new Map(tagdict) };
}
