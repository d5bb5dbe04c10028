import { bibtexBench } from './bibtexBench';
void bibtexBench.run();
