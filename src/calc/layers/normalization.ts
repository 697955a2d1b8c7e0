/** normalization layers. */
import { register } from '../registry.ts';

register({});
