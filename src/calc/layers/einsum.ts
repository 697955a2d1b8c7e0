/** einsum layers. */
import { register } from '../registry.ts';

register({});
