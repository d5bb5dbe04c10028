/**
 * Regex fragments shared by the claim rules. Rules reference them as `{NAME}`; `expandFragments` inlines them once,
 * at module load. Every fragment accepts the dirty forms scraped abstracts carry: "5times", "3$\times$", "93\%",
 * "pm" for ±, "~" both as "about" and as a range.
 */

/** A number: "7", "1,000", "7.988". */
const NUM = String.raw`\d+(?:,\d{3})*(?:\.\d+)?`;
/** A range or alternative separator between two numbers: "10-20", "10~30", "2 to 8". */
const RANGE_SEP = String.raw`\s?(?:-|–|~|∼|to)\s?`;
/** The multiplication sign in its scraped forms; never followed by a digit, so "16times16" stays a patch size. */
const TIMES = String.raw`\s?(?:times|[xX×]|\$\s?\\times\s?\$|\\times)(?![A-Za-z\d])`;
const PERCENT = String.raw`\s?(?:%|\\%|percent\b)`;
/** Magnitude suffix of a size: "1.3B", "114K", "8k", "14 billion". */
const MAG = String.raw`(?:[KMBT](?![A-Za-z])|k(?![A-Za-z])|\s?(?:billion|million|thousand|trillion)\b)`;

export const FRAGMENTS: Readonly<Record<string, string>> = {
  NUM,
  TIMES,
  /** "5times", "10-20x", "1.37times/1.24times", "8.4$\times$". */
  MULT: String.raw`${NUM}(?:${RANGE_SEP}${NUM})?${TIMES}(?:\s?\/\s?${NUM}${TIMES})*`,
  /** "93\%", "10~30%", "25-50\%", "2.1%/4.3%". */
  PCT: String.raw`${NUM}(?:${RANGE_SEP}${NUM})?${PERCENT}(?:\s?\/\s?${NUM}${PERCENT})*`,
  /** A size with a magnitude: "1.3B", "13~15M", "114K". */
  SIZE: String.raw`${NUM}(?:${RANGE_SEP}${NUM})?${MAG}`,
  /** Words that hedge a number. */
  QUAL: String.raw`(?:(?:up to|about|around|approximately|approx\.|roughly|nearly|almost|over|more than|at least|as much as|as large as|larger than|beyond|above)\s+|(?:~|∼|≈|\$\\sim\$|\\sim)\s?)`,
  /** "±" as scraped: "pm", "\pm", "$\pm$". */
  PM: String.raw`\s?(?:±|\$\\pm\$|\\pm|pm)\s?`,
  /** Quality metrics a result reports. */
  METRIC: String.raw`(?:top-[15](?:\s+(?:test\s+|validation\s+)?accuracy)?|(?:test\s+|validation\s+|average\s+|mean\s+|zero-shot\s+|classification\s+)?(?:accuracy|acc\.|perplexity|PPL|PQ|mIoU|IoU|mAP|AP(?:50|75)?|NDS|F1(?:\s+score)?|BLEU|ROUGE(?:-[12L])?|EM|WER|CER|SI-SNRi?|SI-SDRi?|SDRi?|PESQ|STOI|Dice(?:\s+similarity\s+coefficient|\s+score)?|DSC|AUROC|AUC|NDCG(?:@\d+)?|HR@\d+|Recall@\d+|MRR|PSNR|SSIM|FID|bits\/dim|bpd|BPC|bpc|MSE|MAE|RMSE|MAPE|sMAPE|CRPS|R\^?2))`,
  /** Resources whose reduction is an efficiency claim (not quality metrics: lower MSE is a result). */
  RESOURCE: String.raw`(?:(?:(?:peak|on-chip|GPU|HBM|activation|training|inference|total|overall|computational|compute|model|storage|energy|memory|parameter|KV[- ]cache|sequence|token|power|carbon)\s+){0,3}(?:parameters|params|FLOPs|FLOPS|MACs|memory(?:\s+(?:usage|footprint|consumption|cost))?|energy(?:\s+(?:footprint|consumption|cost))?|footprint|cost(?:\s+consumption)?|costs|compute|computation|model size|size|storage|sequence length|tokens|KV cache|KV-cache|power(?:\s+consumption)?|bandwidth|carbon emissions))`,
  /** Words marking an efficiency drop. */
  DROP: String.raw`(?:reduction|reductions|decrement|decrease|saving|savings|cut)`,
  /** A named baseline: a few lowercase lead words ("recent baselines such as"), then capitalised names. */
  NAMED: String.raw`(?:(?!(?:in|on|at|by|for|with|across|while|when|during|under|without|of)\b)[a-z][\w-]*\s+){0,5}?(?!(?:SOTA|State|Our|The|This|These|All|Existing|Previous|Prior|Baselines?)\b)[A-Z][\w+\-]*(?:\.[\w+\-]+)*(?:(?:,\s*|\s+and\s+|\s+or\s+|,\s+and\s+)(?:[a-z][\w-]*\s+){0,3}?[A-Z][\w+\-]*(?:\.[\w+\-]+)*)*`,
  /** What a baseline looks like: up to six words, stopping at punctuation or a clause word (a final period is not part of it). */
  BASE: String.raw`(?:the\s+)?[A-Za-z0-9][\w+\-/]*(?:\.[\w+\-/]+)*(?:\s+(?!(?:for|on|in|at|when|while|with|during|and|using|by|across|to|which|whereas|without)\b)[\w+\-/]+(?:\.[\w+\-/]+)*){0,5}`,
};

/** Inlines `{NAME}` fragments; an unknown name is a programming error caught at module load. */
export function expandFragments(pattern: string): string {
  return pattern.replace(/\{([A-Z_]+)\}/g, (_whole, name: string) => {
    const fragment = FRAGMENTS[name];
    if (fragment === undefined) throw new Error(`unknown claim-rule fragment {${name}}`);
    return fragment;
  });
}
