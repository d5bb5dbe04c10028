// `npm run bench`: every benchmark suite, one line each; each prints its own figures.
import { citeBench } from './citeBench';

citeBench();
