/**
 * A seeded pseudo-random generator for tests that try many generated inputs: the same seed gives the same inputs
 * on every run, so a failure can be replayed. It is the one the benchmark generates its files with.
 */
export { createRandom } from '../../../bench/generate';
