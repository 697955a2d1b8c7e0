/** activations layers. */
import { register } from '../registry.ts';

register({});
