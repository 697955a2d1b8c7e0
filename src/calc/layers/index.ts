/** Every layer family registers its specs on import; this file is the one list of families. */
import './core.ts';
import './convolution.ts';
import './pooling.ts';
import './reshaping.ts';
