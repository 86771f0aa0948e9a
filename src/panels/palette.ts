/**
 * Okabe–Ito colours (distinguishable with the common colour-vision deficiencies), with a dash
 * pattern per series so lines differ without colour too.
 */
export const PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];
export const DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 2]];
