/** Reshaping layers (keras/src/layers/reshaping): no weights, only shape arithmetic. */
import { register, type LayerSpec } from '../registry.ts';
import { product } from '../shape.ts';

/** Flatten: every non-batch axis multiplied into one; unknown if any is unknown. */
const Flatten: LayerSpec = {
  defaults: { data_format: null },
  build({ input }) {
    return { output: [input[0]!, input.length === 1 ? 1 : product(input.slice(1))], weights: [] };
  },
};

register({ Flatten });
