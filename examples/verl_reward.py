"""verl reward function backed by an `ifkit serve` reward server.

Start the server next to the trainer (one per node is plenty; it uses every core):

    npx ifkit serve --port 8000 --reward all            # add --judge <spec> if labels have soft constraints

then point verl at this file:

    custom_reward_function.path=examples/verl_reward.py
    custom_reward_function.name=compute_score           # per sample (default "naive" reward manager)
  or
    custom_reward_function.name=compute_score_batch     # whole batch in one HTTP call
    reward_model.reward_manager=batch

`ground_truth` is the IF-RLVR / open-instruct label, e.g. the string
'[{"instruction_id": ["punctuation:no_comma"], "kwargs": [null]}]' (JSON or Python-literal, as stored in the
datasets); the server parses it exactly as /get_reward does. Environment: IFKIT_URL (default http://127.0.0.1:8000),
IFKIT_API_KEY (sent as a bearer token when the server was started with a key), IFKIT_REWARD (all | fraction |
weighted; default: the server's), IFKIT_MODE (strict | loose), IFKIT_TIMEOUT_S (180).

A rejected request (unknown instruction id, broken label) raises with the server's message instead of scoring 0:
a silent 0 would train the policy against a bug in the data.
"""

import json
import os
import urllib.error
import urllib.request

IFKIT_URL = os.environ.get("IFKIT_URL", "http://127.0.0.1:8000").rstrip("/")
IFKIT_API_KEY = os.environ.get("IFKIT_API_KEY")
IFKIT_REWARD = os.environ.get("IFKIT_REWARD")
IFKIT_MODE = os.environ.get("IFKIT_MODE")
IFKIT_TIMEOUT_S = float(os.environ.get("IFKIT_TIMEOUT_S", "180"))


def _plain(value):
    """verl hands over numpy scalars and arrays (non_tensor_batch is an object array); JSON needs Python values."""
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _verify_batch(solution_strs, ground_truths):
    body = {"items": [{"response": str(s), "label": _plain(g), "strip_thinking": True} for s, g in zip(solution_strs, ground_truths)]}
    if IFKIT_REWARD:
        body["reward"] = IFKIT_REWARD
    if IFKIT_MODE:
        body["mode"] = IFKIT_MODE
    request = urllib.request.Request(
        IFKIT_URL + "/verify/batch",
        data=json.dumps(body).encode("utf-8"),
        headers={"content-type": "application/json", **({"authorization": f"Bearer {IFKIT_API_KEY}"} if IFKIT_API_KEY else {})},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=IFKIT_TIMEOUT_S) as reply:
            return json.load(reply)["results"]
    except urllib.error.HTTPError as e:
        detail = e.read().decode("utf-8", errors="replace")
        raise RuntimeError(f"ifkit reward server {IFKIT_URL} answered {e.code}: {detail}") from None
    except urllib.error.URLError as e:
        raise RuntimeError(f"ifkit reward server {IFKIT_URL} unreachable ({e.reason}); start it with `npx ifkit serve`") from None


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """One sample: the reward plus per-sample extras verl logs (fraction followed, all followed, check status)."""
    result = _verify_batch([solution_str], [ground_truth])[0]
    return {
        "score": float(result["reward"]),
        "if_fraction": float(result["fraction"]),
        "if_all_pass": float(result["follow_all_instructions"]),
        "if_check_ok": float(result["status"] == "ok"),
    }


def compute_score_batch(data_sources, solution_strs, ground_truths, extra_infos=None, **kwargs):
    """A whole batch in one request (reward_model.reward_manager=batch); returns one float per sample."""
    return [float(r["reward"]) for r in _verify_batch(solution_strs, ground_truths)]
