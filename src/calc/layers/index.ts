/** Every layer family registers its specs on import; this file is the one list of families. */
import './core.ts';
import './einsum.ts';
import './convolution.ts';
import './pooling.ts';
import './reshaping.ts';
import './normalization.ts';
import './preprocessing.ts';
import './regularization.ts';
import './activations.ts';
import './recurrent.ts';
import './attention.ts';
import './merging.ts';
import './applications.ts';
