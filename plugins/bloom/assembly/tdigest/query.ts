// t-digest-c's estimates over a compressed digest (no buffered samples): td_cdf, td_quantile(s) and
// td_trimmed_mean, with their interpolation between centroids and the singleton rules at the ends.

import { mean, tdMax, tdMerged, tdMergedWeight, tdMin, weight } from "./digest";

function weightedAverage(x1: f64, w1: f64, x2: f64, w2: f64): f64 {
  if (x1 > x2) return weightedAverage(x2, w2, x1, w1);
  return max(x1, min((x1 * w1 + x2 * w2) / (w1 + w2), x2));
}

export function tdCdf(d: usize, value: f64): f64 {
  const n = tdMerged(d);
  if (n == 0) return NaN;
  const lo = tdMin(d), hi = tdMax(d);
  if (value < lo) return 0;
  if (value > hi) return 1;
  if (n == 1) {
    const width = hi - lo;
    return value - lo <= width ? 0.5 : (value - lo) / width;
  }
  const total = <f64>tdMergedWeight(d);
  const leftMean = mean(d, 0), leftWeight = weight(d, 0);
  if (value < leftMean) {
    const width = leftMean - lo;
    if (width <= 0) return 0;
    if (value == lo) return 0.5 / total;
    return (1 + (value - lo) / width * (leftWeight / 2 - 1)) / total;
  }
  const rightMean = mean(d, n - 1), rightWeight = weight(d, n - 1);
  if (value > rightMean) {
    const width = hi - rightMean;
    if (width <= 0) return 1;
    if (value == hi) return 1 - 0.5 / total;
    return 1 - (1 + (hi - value) / width * (rightWeight / 2 - 1)) / total;
  }
  let soFar: f64 = 0;
  for (let i: u32 = 0; i < n - 1; i++) {
    if (mean(d, i) == value) {
      let same: f64 = 0;
      for (let j = i; j < n && mean(d, j) == value; j++) same += weight(d, j);
      return (soFar + same / 2) / total;
    }
    if (mean(d, i) <= value && value < mean(d, i + 1)) {
      const w = weight(d, i), wNext = weight(d, i + 1), m = mean(d, i), mNext = mean(d, i + 1);
      if (mNext - m > 0) {
        // A singleton's whole weight sits at its mean: it takes no part in the interpolation.
        let leftOut: f64 = 0, rightOut: f64 = 0;
        if (w == 1) {
          if (wNext == 1) return (soFar + 1) / total;
          leftOut = 0.5;
        } else if (wNext == 1) {
          rightOut = 0.5;
        }
        const dw = (w + wNext) / 2;
        return (soFar + w / 2 + leftOut + (dw - leftOut - rightOut) * (value - m) / (mNext - m)) / total;
      }
      return (soFar + (w + wNext) / 2) / total;
    }
    soFar += weight(d, i);
  }
  return 1 - 0.5 / total;
}

// The walk td_quantiles keeps across ascending quantiles.
let soFar: f64 = 0;
let node: u32 = 0;

/** Starts a walk for ascending quantiles (td_quantiles), or a fresh one for a single quantile. */
export function quantileWalk(d: usize): void {
  soFar = weight(d, 0) / 2;
  node = 0;
}

/** The value at quantile q in the current walk; NaN for an empty digest or q outside [0, 1]. */
export function tdQuantile(d: usize, q: f64): f64 {
  const n = tdMerged(d);
  if (n == 0 || q < 0 || q > 1) return NaN;
  if (n == 1) return mean(d, 0);
  const total = <f64>tdMergedWeight(d);
  const index = q * total;
  const leftWeight = weight(d, 0);
  if (leftWeight > 1 && index < leftWeight / 2) return tdMin(d) + (index - 1) / (leftWeight / 2 - 1) * (mean(d, 0) - tdMin(d));
  if (index > total - 1) return tdMax(d);
  const rightWeight = weight(d, n - 1), rightMean = mean(d, n - 1);
  if (rightWeight > 1 && total - index <= rightWeight / 2) return tdMax(d) - (total - index - 1) / (rightWeight / 2 - 1) * (tdMax(d) - rightMean);
  for (; node < n - 1; node++) {
    const w = weight(d, node), wNext = weight(d, node + 1);
    const dw = (w + wNext) / 2;
    if (soFar + dw > index) {
      let leftUnit: f64 = 0;
      if (w == 1) {
        if (index - soFar < 0.5) return mean(d, node);
        leftUnit = 0.5;
      }
      let rightUnit: f64 = 0;
      if (wNext == 1) {
        if (soFar + dw - index <= 0.5) return mean(d, node + 1);
        rightUnit = 0.5;
      }
      return weightedAverage(mean(d, node), soFar + dw - index - rightUnit, mean(d, node + 1), index - soFar - leftUnit);
    }
    soFar += dw;
  }
  const z1 = index - total - rightWeight / 2;
  return weightedAverage(rightMean, z1, tdMax(d), rightWeight / 2 - z1);
}

/** The value at quantile q on its own (td_quantile, where q below 1/N answers the minimum). */
export function tdQuantileAlone(d: usize, q: f64): f64 {
  const n = tdMerged(d);
  if (n == 0 || q < 0 || q > 1) return NaN;
  if (n == 1) return mean(d, 0);
  if (q * <f64>tdMergedWeight(d) < 1) return tdMin(d);
  quantileWalk(d);
  return tdQuantile(d, q);
}

/** td_trimmed_mean: the mean of the samples between the two quantile cuts. */
export function tdTrimmedMean(d: usize, low: f64, high: f64): f64 {
  const n = tdMerged(d);
  if (n == 0) return NaN;
  if (n == 1) return mean(d, 0);
  const total = <f64>tdMergedWeight(d);
  const leftmost = Math.floor(total * low), rightmost = Math.ceil(total * high);
  let done: f64 = 0, sum: f64 = 0, count: f64 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const w = weight(d, i);
    let add = w - min(max(0, leftmost - done), w);
    add = min(max(0, rightmost - done), add);
    done += w;
    sum += mean(d, i) * add;
    count += add;
    if (done >= rightmost) break;
  }
  return sum / count;
}
