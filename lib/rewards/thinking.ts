import { pyStrip } from '../verifiers/nlp/pytext';

/**
 * open-instruct's `remove_thinking_section`: drop `<|assistant|>`, strip, keep the text after the last `</think>`,
 * drop `<answer>`/`</answer>` tags, strip.
 * @example removeThinkingSection('<think>hmm</think><answer> 42 </answer>') // '42'
 */
export function removeThinkingSection(prediction: string): string {
  const noRole = pyStrip(prediction.replaceAll('<|assistant|>', ''));
  const afterThink = noRole.split('</think>').pop()!;
  return pyStrip(afterThink.replaceAll('<answer>', '').replaceAll('</answer>', ''));
}
