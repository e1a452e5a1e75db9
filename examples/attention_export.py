"""Dump a Hugging Face causal LM's attention maps for `ifkit analysis attention`.

    pip install torch transformers numpy
    python examples/attention_export.py --model Qwen/Qwen2.5-0.5B-Instruct --prompts prompts.jsonl --out maps/
    npx ifkit analysis attention --maps maps/ --out runs/attention

One JSON object per line of --prompts; the user message is its parts joined in order, each part's role labels its
tokens (system / query / constraint; `id` names a constraint so it is also measured on its own):

    {"id": "p1",
     "system": "You are a helpful assistant.",                          (optional)
     "parts": [{"role": "query", "text": "Write a poem about the sea."},
               {"role": "constraint", "id": "length_constraints:number_words", "text": " Answer in at most 50 words."}],
     "response": "The sea ..."}                                         (optional: else generated greedily)

With a chat template (the default when the tokenizer has one; --no-chat to feed plain text) the messages are rendered
by it and every part is located in the rendered text, so template tokens stay unlabelled. Parts map to tokens through
the offsets of a fast tokenizer (required): a token belongs to a part when their characters overlap.

Output: one file per prompt (docs/attention-maps-format.md): a safetensors file with `token_ids` (I32 [T]) and
`attention` (F16 or F32 [layers, heads, Q, T]) holding the rows of the response's Q tokens (--all-rows: every row),
plus metadata (id, query_start, spans, tokens). Files are written layer by layer, so host memory holds one layer.
The model itself returns every layer's full T x T maps from one forward pass (that is how transformers exposes them),
so device memory grows with layers x heads x T^2: keep prompts + responses short (--max-tokens guards it).

Attention weights exist only with attn_implementation="eager" (SDPA and flash attention never materialise them;
recent transformers return None for them instead of an error), so the model is loaded eager and this is checked.

`python examples/attention_export.py --synthetic DIR` writes seeded random maps with numpy alone, through the same
writer: ifkit's tests read such files (lib/analysis/testdata/).
"""

import argparse
import json
import os
import struct

import numpy as np

FORMAT = "ifkit-attention"
VERSION = "1"
DTYPES = {"float16": ("F16", "<f2"), "float32": ("F32", "<f4")}  # little-endian, as safetensors stores them


def write_attention_file(path, layers, shape, token_ids, tokens, spans, query_start, prompt_id, dtype="float16", meta=None):
    """Write one prompt's maps. `layers` yields L arrays of shape (H, Q, T) (query rows query_start..T-1, all keys).

    Streams: the header is written first from `shape`, then each layer as it arrives. Writes `path + ".tmp"` and
    renames it, so an interrupted run never leaves a half-written file."""
    L, H, Q, T = shape
    if Q != T - query_start or len(token_ids) != T or len(tokens) != T:
        raise ValueError(f"{prompt_id}: shape {shape}, query_start {query_start}, {len(token_ids)} ids and {len(tokens)} tokens disagree")
    name, np_dtype = DTYPES[dtype]
    attn_bytes = L * H * Q * T * np.dtype(np_dtype).itemsize
    metadata = {k: str(v) for k, v in (meta or {}).items()}
    metadata.update(format=FORMAT, version=VERSION, id=str(prompt_id), query_start=str(query_start),
                    spans=json.dumps(spans), tokens=json.dumps(tokens))
    header = {
        "__metadata__": metadata,
        "token_ids": {"dtype": "I32", "shape": [T], "data_offsets": [0, 4 * T]},
        "attention": {"dtype": name, "shape": [L, H, Q, T], "data_offsets": [4 * T, 4 * T + attn_bytes]},
    }
    text = json.dumps(header, ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)  # safetensors pads the header to a multiple of 8 bytes
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        f.write(np.asarray(token_ids, dtype="<i4").tobytes())
        written = 0
        for layer in layers:
            block = np.asarray(layer, dtype=np.float32)  # float32 first, then one rounding: what ifkit's writer does
            if block.shape != (H, Q, T):
                raise ValueError(f"{prompt_id}: layer {written} has shape {block.shape}, expected {(H, Q, T)}")
            f.write(block.astype(np_dtype).tobytes())
            written += 1
        if written != L:
            raise ValueError(f"{prompt_id}: got {written} layers, expected {L}")
    os.replace(tmp, path)


def file_name(prompt_id):
    """The file of a prompt id, as ifkit names it (mapsFileName): characters outside [A-Za-z0-9._-] become '_'."""
    return "".join(c if c.isascii() and (c.isalnum() or c in "._-") else "_" for c in str(prompt_id)) + ".safetensors"


def token_range(offsets, start, end, what):
    """Token positions [first, last + 1) whose characters overlap [start, end); special tokens (empty offsets) never do."""
    hits = [i for i, (a, b) in enumerate(offsets) if b > a and a < end and b > start]
    if not hits:
        raise ValueError(f"{what}: no token covers characters [{start}, {end})")
    return hits[0], hits[-1] + 1


def render(tokenizer, row, chat):
    """The prompt text and the character span of each labelled part in it."""
    user = "".join(p["text"] for p in row["parts"])
    if chat:
        messages = ([{"role": "system", "content": row["system"]}] if row.get("system") else []) + [{"role": "user", "content": user}]
        text = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    else:
        text = (row["system"] + "\n\n" if row.get("system") else "") + user
    base = text.rfind(user)  # the user turn comes after any system text
    if base < 0:
        raise ValueError(f"{row['id']}: the chat template changed the user text (e.g. stripped spaces); trim the parts or use --no-chat")
    parts, at = [], base
    if row.get("system"):
        s = text.find(row["system"])
        if s < 0:
            raise ValueError(f"{row['id']}: the chat template changed the system text; use --no-chat or drop the system prompt")
        parts.append({"role": "system", "start": s, "end": s + len(row["system"])})
    for p in row["parts"]:
        parts.append({"role": p["role"], "start": at, "end": at + len(p["text"]), **({"id": p["id"]} if "id" in p else {})})
        at += len(p["text"])
    return text, parts


def export_row(model, tokenizer, row, out_dir, args):
    import torch

    text, char_parts = render(tokenizer, row, args.chat)
    enc = tokenizer(text, add_special_tokens=not args.chat, return_offsets_mapping=True)
    prompt_ids, offsets = enc["input_ids"], enc["offset_mapping"]
    spans = []
    for p in char_parts:
        if p["end"] > p["start"]:
            first, end = token_range(offsets, p["start"], p["end"], f"{row['id']} {p['role']}")
            spans.append({"role": p["role"], "start": first, "end": end, **({"id": p["id"]} if "id" in p else {})})
    device = next(model.parameters()).device
    if row.get("response") is not None:
        response_ids = tokenizer(row["response"], add_special_tokens=False)["input_ids"]
    else:
        with torch.no_grad():
            out = model.generate(torch.tensor([prompt_ids], device=device), max_new_tokens=args.max_new_tokens, do_sample=False)
        response_ids = out[0, len(prompt_ids):].tolist()
    ids = prompt_ids + response_ids
    P, T = len(prompt_ids), len(ids)
    if not response_ids or T > args.max_tokens:
        raise ValueError(f"{row['id']}: {len(response_ids)} response tokens, {T} in all; need a response and at most --max-tokens {args.max_tokens}")
    spans.append({"role": "response", "start": P, "end": T})
    with torch.no_grad():
        attentions = model(torch.tensor([ids], device=device), output_attentions=True).attentions
    if attentions is None or any(a is None for a in attentions):
        raise RuntimeError("the model returned no attention weights; is it loaded with attn_implementation='eager'?")
    q0 = 0 if args.all_rows else P
    H = attentions[0].shape[1]
    layers = (a[0, :, q0:, :].float().cpu().numpy() for a in attentions)  # (H, Q, T) each, moved one at a time
    write_attention_file(os.path.join(out_dir, file_name(row["id"])), layers, (len(attentions), H, T - q0, T), ids,
                         [tokenizer.decode([i]) for i in ids], spans, q0, row["id"], args.dtype, {"model": args.model})


def load_model(name, dtype, device):
    import torch
    import transformers
    from transformers import AutoModelForCausalLM, AutoTokenizer

    kwargs = {"attn_implementation": "eager"}
    # transformers >= 4.56 names the load dtype `dtype`; older versions `torch_dtype`
    major, minor = (int(x) for x in transformers.__version__.split(".")[:2])
    kwargs["dtype" if (major, minor) >= (4, 56) else "torch_dtype"] = dtype if dtype == "auto" else getattr(torch, dtype)
    model = AutoModelForCausalLM.from_pretrained(name, **kwargs).to(device).eval()
    if getattr(model.config, "_attn_implementation", "eager") != "eager":
        raise RuntimeError(f"{name} loaded with attention {model.config._attn_implementation!r}, not 'eager'; it would return no weights")
    return model, AutoTokenizer.from_pretrained(name)


def synthetic(out_dir, seed=0, dtype="float16"):
    """Seeded random causal softmax maps of three short prompts, written by write_attention_file (numpy only)."""
    rng = np.random.default_rng(seed)
    for n, (L, H, P, R) in enumerate([(2, 3, 6, 3), (2, 3, 5, 4), (2, 3, 7, 2)]):
        T = P + R
        logits = rng.normal(size=(L, H, T, T)) * 2
        logits[..., 0] += 3  # a first-token sink, as real models have
        logits = np.where(np.tril(np.ones((T, T), dtype=bool)), logits, -np.inf)
        weights = np.exp(logits - logits.max(-1, keepdims=True))
        weights /= weights.sum(-1, keepdims=True)
        spans = [{"role": "query", "start": 1, "end": 3}, {"role": "constraint", "start": 3, "end": 4, "id": "a"},
                 {"role": "constraint", "start": 4, "end": P, "id": "b"}, {"role": "response", "start": P, "end": T}]
        write_attention_file(os.path.join(out_dir, file_name(f"syn-{n}")), (w[:, P:, :] for w in weights), (L, H, R, T),
                             list(range(100, 100 + T)), [f"t{i}" for i in range(T)], spans, P, f"syn-{n}", dtype, {"model": "synthetic"})
        with open(os.path.join(out_dir, f"syn-{n}.float32.json"), "w") as f:  # the weights before rounding, for tests
            json.dump(weights[:, :, P:, :].astype(np.float32).ravel().tolist(), f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--model", help="Hugging Face model id or local directory")
    ap.add_argument("--prompts", help="JSONL file of prompts (see the top of this file)")
    ap.add_argument("--out", help="output directory (one .safetensors file per prompt)")
    ap.add_argument("--dtype", choices=sorted(DTYPES), default="float16", help="storage precision of the weights")
    ap.add_argument("--torch-dtype", default="auto", help="dtype to load the model in (auto, float32, bfloat16, ...)")
    ap.add_argument("--device", default="cuda" if _has_cuda() else "cpu")
    ap.add_argument("--max-new-tokens", type=int, default=128, help="response length when a prompt has none")
    ap.add_argument("--max-tokens", type=int, default=2048, help="refuse longer prompt + response (device memory grows with T^2)")
    ap.add_argument("--all-rows", action="store_true", help="store every query row, not only the response's")
    ap.add_argument("--no-chat", dest="chat", action="store_false", default=None, help="feed plain text, no chat template")
    ap.add_argument("--synthetic", metavar="DIR", help="write seeded random maps to DIR with numpy only, and exit")
    args = ap.parse_args()
    if args.synthetic:
        os.makedirs(args.synthetic, exist_ok=True)
        synthetic(args.synthetic, dtype=args.dtype)
        return
    if not (args.model and args.prompts and args.out):
        ap.error("--model, --prompts and --out are required (or --synthetic DIR)")
    model, tokenizer = load_model(args.model, args.torch_dtype, args.device)
    if args.chat is None:
        args.chat = bool(getattr(tokenizer, "chat_template", None))
    os.makedirs(args.out, exist_ok=True)
    with open(args.prompts, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for i, row in enumerate(rows, 1):
        export_row(model, tokenizer, row, args.out, args)
        print(f"[{i}/{len(rows)}] {row['id']}", flush=True)


def _has_cuda():
    try:
        import torch
        return torch.cuda.is_available()
    except ImportError:
        return False


if __name__ == "__main__":
    main()
