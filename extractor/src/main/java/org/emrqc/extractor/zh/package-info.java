/**
 * Offline Chinese clinical entity tagger for the seven cEHRNER labels (疾病和诊断, 解剖部位, 手术, 药物, 症状,
 * 影像检查, 实验室检验).
 *
 * <ul>
 *   <li>{@link org.emrqc.extractor.zh.CehrnerFormat}: the cEHRNER JSON lines, read into
 *       {@link org.emrqc.extractor.zh.AnnotatedText} with {@link org.emrqc.extractor.zh.NerSpan}s (char offsets).</li>
 *   <li>{@link org.emrqc.extractor.zh.ChineseNerTrainer}: an averaged structured perceptron over BIOES character
 *       tags. Features: normalized character uni/bi/trigrams in a five-char window, a skip bigram, character types, and
 *       gazetteer marks (label and B/I/E/S position of every dictionary match and of the greedy longest-match cover,
 *       alone and with the current char). The gazetteer features of the training texts come from a 10-fold jackknife
 *       (each fold matched against the other folds' mentions) so that their weights reflect unseen text.</li>
 *   <li>{@link org.emrqc.extractor.zh.ChineseNerModel}: the trained weights (features with an all-zero averaged row are
 *       dropped), the full gazetteer, constrained Viterbi decoding per segment (split after 。); thread-safe; saved as a
 *       gzip'd binary file with a magic string and version.</li>
 *   <li>{@link org.emrqc.extractor.zh.NerEvaluation}: strict and overlap micro P/R/F1 per label and overall, with
 *       bootstrap intervals over documents.</li>
 * </ul>
 *
 * <p>On the cEHRNER splits (train 914 texts; dev 44 texts, 749 mentions), with the default 12 epochs and seed 1:
 * dev strict micro-F1 0.781 (95% CI 0.740-0.818), overlap 0.908; about 8 s of training on one core; a 4.5 MB model;
 * about 550,000 chars/s tagging on one core.
 */
package org.emrqc.extractor.zh;
