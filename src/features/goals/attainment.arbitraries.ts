import { fc } from "@fast-check/vitest";
import type { Measure } from "./attainment";

/** Generators for the property tests of the progress maths; test code only. */

export const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true, noDefaultInfinity: true });

/** A well-ordered increasing NUMBER measure: baseline < minimum ≤ target ≤ stretch. */
export const increasingMeasure = fc
  .tuple(finite, fc.double({ min: 0.001, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }))
  .map(([baseline, span, minimumShare, extra]): Measure => ({
    measureType: "NUMBER",
    baseline,
    target: baseline + span,
    minimum: baseline + span * minimumShare,
    stretch: baseline + span + extra,
  }));
