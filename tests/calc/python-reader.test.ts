/**
 * The Python reader on the forms tutorials use, beyond the goldens' module-level code: every
 * expected count is worked by hand here (the comment beside it), names follow docs/naming.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readInput, readPython } from '@calc/import.ts';
import { summarize } from '@calc/engine.ts';
import { renderJson } from '@calc/render.ts';
import type { Diagnostic } from '@calc/basics.ts';

/** The summary of the model the code shows (or of the model bound to `variable`). */
function read(code: string, variable?: string, dialect: 'keras3' | 'tf.keras' = 'keras3') {
  const r = readPython(code, { dialect });
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.message}`);
  const m = variable === undefined ? r.value.models[r.value.main]! : r.value.models.find((x) => x.variable === variable)!;
  if (m.problem) throw new Error(`${m.problem.line}:${m.problem.column} ${m.problem.message}`);
  const s = summarize(m.model);
  if (s.error) throw new Error(s.error.message);
  return renderJson(s);
}

const rows = (code: string, variable?: string, dialect?: 'keras3' | 'tf.keras') =>
  read(code, variable, dialect).layers.map((l) => `${l.name} ${l.type} ${JSON.stringify(l.outputShape)} ${l.params}`);

/** The located diagnostic a piece of code earns. */
function problem(code: string): Diagnostic {
  const r = readPython(code);
  if (!r.ok) return r.error;
  const m = r.value.models[r.value.main]!;
  if (m.problem) return m.problem;
  throw new Error('expected a problem');
}

const MNIST_TOTAL = 320 + 18_496 + 36_928 + 36_928 + 650; // 93,322

describe('imports, in every usual spelling', () => {
  it.each([
    ['import keras', 'keras.layers.Dense', 'keras.Sequential', 'keras.Input'],
    ['from tensorflow import keras', 'keras.layers.Dense', 'keras.Sequential', 'keras.Input'],
    ['import tensorflow as tf', 'tf.keras.layers.Dense', 'tf.keras.Sequential', 'tf.keras.Input'],
    ['from keras import layers, models, Input', 'layers.Dense', 'models.Sequential', 'Input'],
    ['from tensorflow.keras.layers import Dense, Input\nfrom tensorflow.keras.models import Sequential', 'Dense', 'Sequential', 'Input'],
    ['from keras.layers import *\nfrom keras.models import Sequential', 'Dense', 'Sequential', 'Input'],
    ['import keras.layers as L\nimport keras', 'L.Dense', 'keras.Sequential', 'L.Input'],
  ])('%s', (imports, dense, sequential, input) => {
    const code = `${imports}\nmodel = ${sequential}([${input}(shape=(784,)), ${dense}(64), ${dense}(10)])\n`;
    // 784 × 64 + 64 = 50,240; 64 × 10 + 10 = 650
    expect(read(code).totals.params).toBe(50_240 + 650);
  });
});

describe('the MNIST CNN, as tutorials write it', () => {
  it('tf.keras with .add(), input_shape= on the first layer, data loading, compile and fit skipped', () => {
    const code = readFileSync(join(import.meta.dirname, '../cli/fixtures/tutorial.py'), 'utf8');
    expect(rows(code)).toEqual([
      'conv2d Conv2D [null,26,26,32] 320', // 32 × (1 × 3 × 3 + 1)
      'max_pooling2d MaxPooling2D [null,13,13,32] 0',
      'conv2d_1 Conv2D [null,11,11,64] 18496', // 64 × (32 × 3 × 3 + 1)
      'max_pooling2d_1 MaxPooling2D [null,5,5,64] 0',
      'conv2d_2 Conv2D [null,3,3,64] 36928', // 64 × (64 × 3 × 3 + 1)
      'flatten Flatten [null,576] 0', // 3 × 3 × 64
      'dense Dense [null,64] 36928', // 576 × 64 + 64
      'dense_1 Dense [null,10] 650', // 64 × 10 + 10
    ]);
    expect(read(code).totals.params).toBe(MNIST_TOTAL);
  });

  it('module-level values, arithmetic and a list of layers', () => {
    const code = `import keras
from keras import layers
num_classes = 10
input_shape = (28, 28, 1)
filters = [32, 64, 64]
model = keras.Sequential(
    [keras.Input(shape=input_shape)]
    + [layers.Conv2D(f, kernel_size=(3, 3), activation="relu") for f in filters[:1]]
    + [layers.MaxPooling2D(pool_size=(2, 2)), layers.Conv2D(filters[1], 3, activation="relu"), layers.MaxPooling2D(2)]
    + [layers.Conv2D(filters[-1], 3 ** 1 * 1, activation="relu"), layers.Flatten(), layers.Dense(2 ** 6), layers.Dense(num_classes // 1, activation="softmax")],
    name="mnist_" + "cnn",
)
model.summary()
`;
    const s = read(code);
    expect(s.name).toBe('mnist_cnn');
    expect(s.totals.params).toBe(MNIST_TOTAL);
  });
});

describe('Sequential inputs', () => {
  it('input_dim= on the first layer', () => {
    // 8 × 12 + 12 = 108; 12 × 1 + 1 = 13
    expect(
      rows(
        'import keras\nmodel = keras.Sequential()\nmodel.add(keras.layers.Dense(12, input_dim=8, activation="relu"))\nmodel.add(keras.layers.Dense(1))\n',
      ),
    ).toEqual(['dense Dense [null,12] 108', 'dense_1 Dense [null,1] 13']);
  });
  it('batch_input_shape= keeps the batch size', () => {
    expect(rows('import keras\nmodel = keras.Sequential([keras.layers.Dense(4, batch_input_shape=(32, 3))])\n')).toEqual([
      'dense Dense [32,4] 16',
    ]);
  });
  it('InputLayer in the list, and model.build((None, 4)) on a model without one', () => {
    expect(rows('import keras\nmodel = keras.Sequential([keras.layers.InputLayer(shape=(4,)), keras.layers.Dense(2)])\n')).toEqual([
      'dense Dense [null,2] 10',
    ]);
    expect(rows('import keras\nmodel = keras.Sequential(name="net")\nmodel.add(keras.layers.Dense(8))\nmodel.build((None, 4))\n')).toEqual([
      'dense Dense [null,8] 40', // 4 × 8 + 8
    ]);
  });
  it('a model with an input, first in a Sequential, gives it that input', () => {
    const code = `import keras
from keras import layers
conv_base = keras.applications.VGG16(weights=None, include_top=False, input_shape=(150, 150, 3))
conv_base.trainable = False
model = keras.Sequential([conv_base, layers.Flatten(), layers.Dense(256, activation="relu"), layers.Dense(1)])
`;
    // 150 → 75 → 37 → 18 → 9 → 4: 4 × 4 × 512 = 8,192 features; 8,192 × 256 + 256 = 2,097,408; 256 + 1
    expect(rows(code).slice(1)).toEqual(['flatten Flatten [null,8192] 0', 'dense Dense [null,256] 2097408', 'dense_1 Dense [null,1] 257']);
    expect(read(code).totals.nonTrainable).toBe(14_714_688);
  });
  it('a Sequential without an input, called on a tensor, takes that tensor’s shape', () => {
    const code = `import keras
from keras import layers
head = keras.Sequential([layers.Dense(32), layers.Dense(4)])
inputs = keras.Input(shape=(16,))
outputs = head(inputs)
head.summary()
`;
    // 16 × 32 + 32 = 544; 32 × 4 + 4 = 132
    expect(rows(code)).toEqual(['dense Dense [null,32] 544', 'dense_1 Dense [null,4] 132']);
  });
  it('floats written 1. and 1./127.5, which the grammar alone does not take', () => {
    const code =
      'import keras\nscale = 1./127.5\nmodel = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Rescaling(scale, offset=-1.), keras.layers.Dense(2)])\n';
    expect(read(code).totals.params).toBe(4 * 2 + 2);
  });
  it('without any input the layers are unbuilt, as Keras prints them', () => {
    const s = read('import keras\nmodel = keras.Sequential([keras.layers.Dense(8)])\nmodel.summary()\n');
    expect(s.layers).toEqual([{ name: 'dense', type: 'Dense', outputShape: null, params: 0, trainable: 0, nonTrainable: 0 }]);
  });
  it('a Sequential called on a tensor inside a functional model is a nested row', () => {
    const code = `import keras
from keras import layers
features = keras.Sequential([layers.Dense(16, activation="relu"), layers.Dense(8)], name="features")
inputs = keras.Input(shape=(4,))
outputs = layers.Dense(1)(features(inputs))
model = keras.Model(inputs, outputs)
`;
    // features: 4 × 16 + 16 = 80 and 16 × 8 + 8 = 136 → 216; head 8 + 1 = 9
    expect(rows(code)).toEqual(['input_layer InputLayer [null,4] 0', 'features Sequential [null,8] 216', 'dense_2 Dense [null,1] 9']);
    // the Sequential built itself on the call: its own input and a functional number
    expect(read(code).name).toBe('functional_1');
  });
});

describe('the functional API', () => {
  it('shared layers, merges, tensor arithmetic and keyword inputs/outputs', () => {
    const code = `import keras
from keras import layers
left = keras.Input(shape=(16,), name="left")
right = keras.Input(shape=(16,), name="right")
shared = layers.Dense(8, name="shared")
a = shared(left)
b = shared(right)
summed = a + b
scaled = summed * 0.5
both = layers.concatenate([a, b])
merged = layers.Concatenate(axis=-1)([both, scaled])
out = layers.Dense(1)(merged)
model = keras.Model(inputs=[left, right], outputs=out)
`;
    expect(rows(code)).toEqual([
      'left InputLayer [null,16] 0',
      'right InputLayer [null,16] 0',
      'shared Dense [null,8] 136', // 16 × 8 + 8, counted once though called twice
      'add Add [null,8] 0',
      'concatenate Concatenate [null,16] 0',
      'multiply Multiply [null,8] 0',
      'concatenate_1 Concatenate [null,24] 0',
      'dense Dense [null,1] 25', // 24 + 1
    ]);
  });

  it('several outputs unpacked from an LSTM with return_state', () => {
    const code = `import keras
from keras import layers
inputs = keras.Input(shape=(None, 10))
seq, h, c = layers.LSTM(64, return_state=True, return_sequences=True)(inputs)
pooled = layers.GlobalAveragePooling1D()(seq)
state = layers.Concatenate()([h, c])
model = keras.Model(inputs, [pooled, state])
`;
    // LSTM: 4 × 64 × (10 + 64 + 1) = 19,200
    expect(rows(code)).toEqual([
      'input_layer InputLayer [null,null,10] 0',
      'lstm LSTM [[null,null,64],[null,64],[null,64]] 19200',
      'global_average_pooling1d GlobalAveragePooling1D [null,64] 0',
      'concatenate Concatenate [null,128] 0',
    ]);
  });

  it('wrappers: Bidirectional(LSTM) and TimeDistributed(Dense)', () => {
    const code = `import keras
from keras import layers
inputs = keras.Input(shape=(20,))
x = layers.Embedding(1000, 32)(inputs)
x = layers.Bidirectional(layers.LSTM(16, return_sequences=True))(x)
x = layers.TimeDistributed(layers.Dense(4))(x)
model = keras.Model(inputs, x)
`;
    expect(rows(code)).toEqual([
      'input_layer InputLayer [null,20] 0',
      'embedding Embedding [null,20,32] 32000', // 1000 × 32
      'bidirectional Bidirectional [null,20,32] 6272', // 2 × 4 × 16 × (32 + 16 + 1)
      'time_distributed TimeDistributed [null,20,4] 132', // 32 × 4 + 4
    ]);
  });

  it('a dict of outputs is walked in the order of its sorted keys, as Keras flattens it', () => {
    const code = `import keras
from keras import layers
inputs = keras.Input(shape=(8,))
outputs = {"priority": layers.Dense(1, name="priority")(inputs), "department": layers.Dense(3, name="department")(inputs)}
model = keras.Model(inputs, outputs)
`;
    expect(rows(code).map((r) => r.split(' ')[0])).toEqual(['input_layer', 'department', 'priority']);
  });

  it('x.shape read while the model is built, as squeeze-and-excite code does', () => {
    const code = `import keras
from keras import layers
inputs = keras.Input(shape=(8, 8, 24))
channels = inputs.shape[-1]
se = layers.GlobalAveragePooling2D(keepdims=True)(inputs)
se = layers.Conv2D(channels // 4, 1, activation="relu")(se)
se = layers.Conv2D(channels, 1, activation="sigmoid")(se)
outputs = layers.multiply([inputs, se])
model = keras.Model(inputs, outputs)
`;
    // 6 × (24 × 1 × 1 + 1) = 150; 24 × (6 × 1 × 1 + 1) = 168
    expect(read(code).totals.params).toBe(150 + 168);
  });

  it('a dict of inputs and a dict of outputs', () => {
    const code = `import keras
from keras import layers
inputs = {"a": keras.Input(shape=(3,), name="a"), "b": keras.Input(shape=(5,), name="b")}
x = layers.concatenate([inputs["a"], inputs["b"]])
outputs = {"y": layers.Dense(2, name="y")(x)}
model = keras.Model(inputs=inputs, outputs=outputs)
`;
    expect(read(code).totals.params).toBe(8 * 2 + 2);
  });
});

describe('helper functions, loops and conditions', () => {
  it('a block function with defaults and keywords, called in a loop over zip', () => {
    const code = `import keras
from keras import layers

def conv_block(x, filters, kernel_size=3, batch_norm=True, **kwargs):
    x = layers.Conv2D(filters, kernel_size, padding="same", use_bias=not batch_norm, **kwargs)(x)
    if batch_norm:
        x = layers.BatchNormalization()(x)
    return layers.ReLU()(x)

def build_model(input_shape=(32, 32, 3), widths=(8, 16)):
    inputs = keras.Input(shape=input_shape)
    x = inputs
    for i, (width, norm) in enumerate(zip(widths, [True, False])):
        x = conv_block(x, width, batch_norm=norm, name=f"conv_{i}")
        x = layers.MaxPooling2D()(x)
    x = layers.GlobalAveragePooling2D()(x)
    return keras.Model(inputs, layers.Dense(10)(x), name="small")

model = build_model()
model.summary()
`;
    expect(rows(code)).toEqual([
      'input_layer InputLayer [null,32,32,3] 0',
      'conv_0 Conv2D [null,32,32,8] 216', // 8 × 3 × 3 × 3, no bias
      'batch_normalization BatchNormalization [null,32,32,8] 32', // 4 × 8
      're_lu ReLU [null,32,32,8] 0',
      'max_pooling2d MaxPooling2D [null,16,16,8] 0',
      'conv_1 Conv2D [null,16,16,16] 1168', // 16 × (8 × 3 × 3 + 1)
      're_lu_1 ReLU [null,16,16,16] 0',
      'max_pooling2d_1 MaxPooling2D [null,8,8,16] 0',
      'global_average_pooling2d GlobalAveragePooling2D [null,16] 0',
      'dense Dense [null,10] 170', // 16 × 10 + 10
    ]);
  });

  it('a residual block repeated with range and an if on a static value', () => {
    const code = `import keras
from keras import layers
units = 32
inputs = keras.Input(shape=(units,))
x = inputs
for _ in range(3):
    y = layers.Dense(units, activation="relu")(x)
    x = layers.add([x, y]) if units == 32 else y
model = keras.Model(inputs, x)
`;
    // three Dense: 3 × (32 × 32 + 32) = 3,168
    expect(read(code).totals.params).toBe(3 * (32 * 32 + 32));
    expect(rows(code).filter((r) => r.startsWith('add'))).toEqual([
      'add Add [null,32] 0',
      'add_1 Add [null,32] 0',
      'add_2 Add [null,32] 0',
    ]);
  });
});

describe('syntax tutorials use that the grammar reads its own way', () => {
  it('two statements on one line, and a walrus as an argument', () => {
    const code =
      'import keras\nfrom keras import layers\na = keras.Input((4,)); b = keras.Input((3,))\nx = layers.concatenate([a, b])\nmodel = keras.Model([a, b], layers.Dense(n := 2)(x))\n';
    // 7 × 2 + 2
    expect(rows(code)).toEqual([
      'input_layer InputLayer [null,4] 0',
      'input_layer_1 InputLayer [null,3] 0',
      'concatenate Concatenate [null,7] 0',
      'dense Dense [null,2] 16',
    ]);
  });
  it('keras.ops.abs is the Absolute operation, ops.concatenate a Concatenate row', () => {
    const code =
      'import keras\nfrom keras import ops\na = keras.Input((4,))\nb = keras.Input((3,))\nx = ops.concatenate([ops.abs(a), b], axis=-1)\nmodel = keras.Model([a, b], x)\n';
    // Keras's order: by depth from the output, so the first input, then abs and the second input
    expect(rows(code)).toEqual([
      'input_layer InputLayer [null,4] 0',
      'absolute Absolute [null,4] 0',
      'input_layer_1 InputLayer [null,3] 0',
      'concatenate Concatenate [null,7] 0',
    ]);
  });
  it('tf.matmul and tf.reduce_mean in a custom layer mean what keras.ops does', () => {
    const code = `import tensorflow as tf
from tensorflow import keras

class Linear(keras.layers.Layer):
    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], 5))

    def call(self, x):
        return tf.reduce_mean(tf.matmul(x, self.w), axis=1, keepdims=True)

inputs = keras.Input(shape=(3, 4))
model = keras.Model(inputs, Linear()(inputs))
`;
    // 4 × 5 = 20 weights; (None, 3, 4) · (4, 5) → (None, 3, 5), the mean over axis 1 kept → (None, 1, 5)
    expect(rows(code)[1]).toBe('linear Linear [null,1,5] 20');
  });
});

describe('comments, wherever Python allows them', () => {
  // every form builds the same model: Dense(4) on 8 features = 8 × 4 + 4 = 36, then
  // Dense(2) on those 4 = 4 × 2 + 2 = 10; 36 + 10 = 46
  // (a Sequential lists no InputLayer row, a functional model does: only the Dense rows are compared)
  const SMALL = ['dense Dense [null,4] 36', 'dense_1 Dense [null,2] 10'];
  const dense = (code: string) => rows(code).filter((r) => !r.includes(' InputLayer '));
  const head = 'import keras\nfrom keras import layers\n';
  it.each([
    [
      'on their own line, after an item and in place of a layer inside Sequential([...])',
      `model = keras.Sequential([
    # the input first
    keras.Input(shape=(8,)),  # eight features
    layers.Dense(4),
    # layers.Dropout(0.5),
    layers.Dense(2),  # two outputs
    # the end
])
`,
    ],
    [
      'between the items of a list',
      'units = [4,  # hidden\n    2]\nmodel = keras.Sequential([keras.Input((8,)), layers.Dense(units[0]), layers.Dense(units[1])])\n',
    ],
    [
      'inside a tuple',
      'shape = (  # features\n    8,  # one axis\n)\nmodel = keras.Sequential([keras.Input(shape), layers.Dense(4), layers.Dense(2)])\n',
    ],
    [
      'inside a dict',
      'cfg = {\n    "a": 4,  # hidden\n    # "c": 3,\n    "b": 2,\n}\nmodel = keras.Sequential([keras.Input((8,)), layers.Dense(cfg["a"]), layers.Dense(cfg["b"])])\n',
    ],
    [
      'inside a set',
      'sizes = {\n    4,  # one width\n}\nmodel = keras.Sequential([keras.Input((8,)), layers.Dense(len(sizes) * 4), layers.Dense(2)])\n',
    ],
    [
      'among call arguments, keyword ones included',
      'model = keras.Sequential([\n    keras.Input(\n        shape=(8,),  # features\n    ),\n    layers.Dense(\n        4,  # units\n        activation="relu",  # no weights\n    ),\n    layers.Dense(2),\n])\n',
    ],
    [
      'among the parameters of a def, and between statements of its body',
      'def block(x,  # the tensor\n          units):  # its width\n    # one layer\n    return layers.Dense(units)(x)  # done\n\ninputs = keras.Input((8,))\nmodel = keras.Model(inputs, block(block(inputs, 4), 2))\n',
    ],
    [
      'inside a subscript',
      'units = [4, 2]\nmodel = keras.Sequential([keras.Input((8,)), layers.Dense(units[  # first\n    0]), layers.Dense(units[-1])])\n',
    ],
    [
      'inside a comprehension',
      'model = keras.Sequential([keras.Input((8,))] + [\n    layers.Dense(u)  # one layer\n    # per width\n    for u in (4, 2)  # the widths\n])\n',
    ],
    [
      'inside parentheses and an expression',
      'hidden = (  # half the features\n    8 //  # divided\n    2\n)\nmodel = keras.Sequential([keras.Input((8,)), layers.Dense(hidden), layers.Dense(2)])\n',
    ],
    [
      'after return, try: and if: and inside a parenthesised import',
      `from keras import (  # what the model needs
    Input,
    Sequential,  # the container
)
def width():  # hidden units
    return 4  # half of 8
try:  # layers may fail to import
    n = width()
except ImportError:
    n = 0
if n:  # always
    model = Sequential([Input((8,)), layers.Dense(n), layers.Dense(2)])
`,
    ],
  ])('%s', (_, code) => {
    expect(dense(head + code)).toEqual(SMALL);
    expect(read(head + code).totals.params).toBe(36 + 10);
  });
  it('a comment in a list is no item: [1, # c, 2] has two', () => {
    // len([1, 2]) = 2 units: 8 × 2 + 2 = 18
    const code = `${head}xs = [1,  # c\n      2]\nmodel = keras.Sequential([keras.Input((8,)), layers.Dense(len(xs)), layers.Dense(xs[1])])\n`;
    // then Dense(2) on 2: 2 × 2 + 2 = 6
    expect(rows(code)).toEqual(['dense Dense [null,2] 18', 'dense_1 Dense [null,2] 6']);
  });
});

describe('freezing', () => {
  it('layer.trainable = False in a loop over model.layers[:2]', () => {
    const s = read(
      'import keras\nmodel = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(4), keras.layers.Dense(2), keras.layers.Dense(1)])\nfor layer in model.layers[:2]:\n    layer.trainable = False\n',
    );
    // 3 × 4 + 4 = 16 and 4 × 2 + 2 = 10 frozen; 2 + 1 = 3 trainable
    expect(s.totals).toEqual({ params: 29, trainable: 3, nonTrainable: 26 });
  });

  it('a frozen application base under a new head', () => {
    const code = `import keras
from keras import layers
base = keras.applications.VGG16(weights=None)
base.trainable = False
inputs = keras.Input(shape=(224, 224, 3))
x = base(inputs)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
`;
    // VGG16 with its top has 138,357,544 parameters (docs/applications.md); the head 1,000 + 1
    expect(read(code).totals).toEqual({ params: 138_357_544 + 1_001, trainable: 1_001, nonTrainable: 138_357_544 });
  });
});

describe('keras.applications with the arguments that change their layers', () => {
  const app = (call: string) => read(`import keras\nbase = keras.applications.${call}\n`);
  it.each([
    // Chollet, Deep Learning with Python (2e), ch. 8: conv_base = VGG16(include_top=False, input_shape=(180, 180, 3))
    ['VGG16(weights="imagenet", include_top=False, input_shape=(180, 180, 3))', 14_714_688, 0, [null, 5, 5, 512]],
    // TensorFlow's transfer-learning tutorial: MobileNetV2(input_shape=(160, 160, 3), include_top=False)
    ['MobileNetV2(input_shape=(160, 160, 3), include_top=False, weights="imagenet")', 2_257_984, 34_112, [null, 5, 5, 1280]],
    // ResNet50 without its top: 25,636,712 − (2,048 × 1,000 + 1,000) = 23,587,712; the pooling adds nothing
    ['ResNet50(weights=None, include_top=False, pooling="avg")', 25_636_712 - (2048 * 1000 + 1000), 53_120, [null, 2048]],
    // VGG16 for 10 classes: 138,357,544 − 4,097,000 + (4,096 × 10 + 10)
    ['VGG16(weights=None, classes=10)', 138_357_544 - 4_097_000 + 40_970, 0, [null, 10]],
  ])('%s', (call, params, nonTrainable, output) => {
    const s = app(call);
    expect(s.totals.params).toBe(params);
    expect(s.totals.nonTrainable).toBe(nonTrainable);
    expect(s.layers.at(-1)!.outputShape).toEqual(output);
  });
  it('a builder Param Lab makes only at its defaults, and a non-square MobileNetV2, are refused by name', () => {
    expect(problem('import keras\nbase = keras.applications.NASNetMobile(weights=None, include_top=False)\n').message).toContain(
      'keras.applications.NASNetMobile is built here only as Keras makes it by default',
    );
    expect(problem('import keras\nbase = keras.applications.MobileNetV2(input_shape=(160, 128, 3), include_top=False)\n').code).toBe(
      'python-application-square',
    );
  });
  it('a builder argument that would change the layers is refused by name, never read as its default', () => {
    // MobileNetV2(alpha=0.5) shrinks every convolution: read as α = 1.0 it would claim 3,538,984
    const p = problem('import keras\nbase = keras.applications.MobileNetV2(weights=None, alpha=0.5)\n');
    expect(p.code).toBe('python-application-argument');
    expect(p.message).toBe(
      'keras.applications.MobileNetV2 is built here only with alpha at its Keras default; the alpha given changes its layers',
    );
    expect([p.line, p.column]).toEqual([2, 8]);
    for (const [call, argument] of [
      ['MobileNet(alpha=0.75)', 'alpha'],
      ['MobileNet(depth_multiplier=2)', 'depth_multiplier'],
      ['MobileNetV3Small(minimalistic=True)', 'minimalistic'],
      ['MobileNetV3Large(dropout_rate=0)', 'dropout_rate'],
      ['ConvNeXtTiny(include_preprocessing=False)', 'include_preprocessing'],
      ['MobileNetV2((224, 224, 3), 0.35)', 'alpha'],
    ] as const) {
      const q = problem(`import keras\nbase = keras.applications.${call}\n`);
      expect([q.code, q.values]).toEqual(['python-application-argument', { name: call.split('(')[0], argument }]);
    }
  });
  it('a builder made only at its defaults names the option that changes it', () => {
    expect(problem('import keras\nbase = keras.applications.NASNetMobile(include_top=True, input_shape=(224, 224, 3))\n').message).toBe(
      'keras.applications.NASNetMobile is built here only as Keras makes it by default (include_top=True, its own input size, 1000 classes); input_shape changes that',
    );
  });
  it("tf.keras 2.x's ConvNeXt takes model_name first", () => {
    // docs/applications.md: ConvNeXtTiny 28,589,128
    const code = 'import tensorflow as tf\nbase = tf.keras.applications.ConvNeXtTiny("convnext_tiny", True, True, weights=None)\n';
    expect(read(code, undefined, 'tf.keras').totals.params).toBe(28_589_128);
  });
  it('a keyword the builder does not take is refused as Python would, and so are too many positions', () => {
    const p = problem('import keras\nbase = keras.applications.VGG16(alpha=0.5)\n');
    expect(p.message).toBe('keras.applications.VGG16() takes no argument alpha');
    // VGG16 takes 8 parameters: include_top … name
    expect(problem('import keras\nbase = keras.applications.VGG16(True, None, None, None, None, 1000, "softmax", "vgg16", 1)\n').code).toBe(
      'python-too-many-arguments',
    );
    expect(problem('import keras\nbase = keras.applications.VGG16(False, include_top=True)\n').code).toBe('python-argument-twice');
  });
  it.each([
    // docs/applications.md: MobileNetV2 (α=1.0) 3,538,984, 34,112 non-trainable; the arguments here change no layer
    ['MobileNetV2(weights=None, alpha=1.0, classifier_activation=None, name="backbone")', 3_538_984, 34_112],
    // docs/applications.md: MobileNet (α=1.0) 4,253,864; dropout is the Dropout layer's rate only
    ['MobileNet(weights=None, alpha=1, depth_multiplier=1, dropout=0.5)', 4_253_864, 21_888],
    // docs/applications.md: MobileNetV3Small 2,554,968; a dropout rate above zero keeps its Dropout layer
    ['MobileNetV3Small(weights=None, minimalistic=False, dropout_rate=0.3, include_preprocessing=True)', 2_554_968, 12_112],
    // by position, in Keras's order: VGG16(include_top=False) is the 14,714,688 of the first test above
    ['VGG16(False, None)', 14_714_688, 0],
    // MobileNetV2(input_shape, alpha, include_top): the transfer-learning tutorial's 2,257,984 above
    ['MobileNetV2((160, 160, 3), 1.0, False)', 2_257_984, 34_112],
  ])('accepted: %s', (call, params, nonTrainable) => {
    const s = app(call);
    expect(s.totals.params).toBe(params);
    expect(s.totals.nonTrainable).toBe(nonTrainable);
  });
});

describe('custom layers', () => {
  it('add_weight shapes in build, ops in call', () => {
    const code = `import keras
from keras import layers, ops

class Linear(layers.Layer):
    def __init__(self, units=32, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(shape=(input_shape[-1], self.units), initializer="random_normal", trainable=True)
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b

inputs = keras.Input(shape=(10,))
outputs = Linear(4)(inputs)
model = keras.Model(inputs, outputs)
`;
    // 10 × 4 + 4 = 44
    expect(rows(code)).toEqual(['input_layer InputLayer [null,10] 0', 'linear Linear [null,4] 44']);
  });

  it('sub-layers made in __init__ count in the custom row', () => {
    const code = `import keras
from keras import layers

class FeedForward(layers.Layer):
    def __init__(self, dim, hidden):
        super().__init__()
        self.up = layers.Dense(hidden, activation="relu")
        self.down = layers.Dense(dim)
        self.norm = layers.LayerNormalization()

    def call(self, x):
        return self.norm(x + self.down(self.up(x)))

inputs = keras.Input(shape=(10, 8))
outputs = FeedForward(8, 32)(inputs)
model = keras.Model(inputs, outputs)
`;
    // up 8 × 32 + 32 = 288; down 32 × 8 + 8 = 264; norm 2 × 8 = 16 → 568
    expect(rows(code)).toEqual(['input_layer InputLayer [null,10,8] 0', 'feed_forward FeedForward [null,10,8] 568']);
  });

  it('in a Sequential, built on the shape the layers before it give', () => {
    const code = `import keras
from keras import layers

class Scale(layers.Layer):
    def build(self, input_shape):
        self.gamma = self.add_weight(shape=(input_shape[-1],))

    def call(self, x):
        return x * self.gamma

model = keras.Sequential([keras.Input(shape=(5,)), layers.Dense(6), Scale(), layers.Dense(1)])
`;
    // 5 × 6 + 6 = 36; one γ per feature: 6; 6 + 1 = 7
    expect(rows(code)).toEqual(['dense Dense [null,6] 36', 'scale Scale [null,6] 6', 'dense_1 Dense [null,1] 7']);
  });

  it('one the reader cannot follow is named with its line', () => {
    const d = problem(
      'import keras\nclass Odd(keras.layers.Layer):\n    def build(self, s):\n        self.w = self.add_weight(shape=(load(),))\ninputs = keras.Input(shape=(3,))\nmodel = keras.Model(inputs, Odd()(inputs))\n',
    );
    expect(d.message).toContain('Odd (line 2)');
  });
});

describe('names as a fresh process gives them', () => {
  it('Keras 3: input_layer and functional; tf.keras 2: input_1 and model', () => {
    const code = 'import keras\ninputs = keras.Input(shape=(4,))\nmodel = keras.Model(inputs, keras.layers.Dense(2)(inputs))\n';
    expect(read(code).name).toBe('functional');
    expect(rows(code)[0]).toBe('input_layer InputLayer [null,4] 0');
    expect(read(code, undefined, 'tf.keras').name).toBe('model');
    expect(rows(code, undefined, 'tf.keras')[0]).toBe('input_1 InputLayer [null,4] 0');
  });
  it('each model a script builds, by its variable; summary() picks the one shown', () => {
    const code = `import keras
encoder = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dense(2)])
decoder = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(4)])
`;
    const r = readPython(code);
    expect(r.ok && r.value.models.map((m) => m.variable)).toEqual(['encoder', 'decoder']);
    expect(read(code, 'decoder').name).toBe('sequential_1');
    const picked = readPython(`${code}encoder.summary()\n`);
    expect(picked.ok && picked.value.models.map((m) => m.variable)).toEqual(['encoder']);
  });
  it('keras.backend.clear_session() starts the counters again', () => {
    const code =
      'import keras\na = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])\nkeras.backend.clear_session()\nb = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])\nb.summary()\n';
    expect(rows(code)).toEqual(['dense Dense [null,1] 2']);
  });
});

describe('what the reader cannot follow: a located message, never a hang', () => {
  it('a shape read from data points at where the data came from', () => {
    const d = problem(
      'import keras\nimport numpy as np\nx = np.load("x.npy")\nmodel = keras.Sequential([keras.Input(shape=x.shape[1:]), keras.layers.Dense(2)])\n',
    );
    expect(d).toMatchObject({ code: 'python-not-static', line: 3, column: 5 });
  });
  it.each([
    ['while True', 'while True:\n    pass\n', 'python-step-budget', 1],
    ['a 10⁹-step loop', 'n = 0\nfor i in range(10**9):\n    n += i\n', 'python-step-budget', 2],
    ['endless recursion', 'def f(n):\n    return f(n + 1)\nf(0)\n', 'python-recursion', 2],
    ['a list of 10⁹ items', 'x = [0] * 10**9\n', 'python-too-long', 1],
    ['a syntax error', 'import keras\nmodel = keras.Sequential([\n    keras.layers.Dense(3,\n', 'python-syntax', 4],
    ['no model at all', 'import numpy as np\nprint(np.zeros(3))\n', 'python-no-model', 1],
  ])('%s', (_what, code, expected, line) => {
    const d = problem(code);
    expect(d.code).toBe(expected);
    expect(d.line).toBe(line);
  });
  it('a 10,000-deep expression is refused as Python refuses it', () => {
    const d = problem(`x = ${'('.repeat(10_000)}1${')'.repeat(10_000)}\n`);
    expect(['python-syntax', 'python-too-deep']).toContain(d.code);
    expect(d.line).toBe(1);
  });
  it('a subclassed keras.Model is named with its line', () => {
    const r = readPython('import keras\nclass Net(keras.Model):\n    pass\nnet = Net()\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('Net (line 2) subclasses keras.Model');
  });
});

describe('a Keras name that does not exist: a typo, located at the name', () => {
  // columns are 1-based, counted by hand on each line written below
  it.each([
    // line 2: "model = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dens(10)])", `Dens` at column 65
    [
      'keras.layers.X',
      'import keras\nmodel = keras.Sequential([keras.Input(shape=(4,)), keras.layers.Dens(10)])\n',
      { code: 'python-no-layer-close', values: { name: 'Dens', suggestion: 'Dense' }, line: 2, column: 65 },
    ],
    // line 3: "    layers.Flaten(),", `Flaten` at column 12
    [
      'layers.X',
      'from keras import layers\nimport keras\nmodel = keras.Sequential([\n    layers.Flaten(),\n])\n',
      { code: 'python-no-layer-close', values: { name: 'Flaten', suggestion: 'Flatten' }, line: 4, column: 12 },
    ],
    // line 3: "x = tf.keras.layers.conv2d(8, 3)(inputs)", `conv2d` at column 21; case alone differs
    [
      'tf.keras.layers.X',
      'import tensorflow as tf\ninputs = tf.keras.Input(shape=(28, 28, 1))\nx = tf.keras.layers.conv2d(8, 3)(inputs)\nmodel = tf.keras.Model(inputs, x)\n',
      { code: 'python-no-layer-close', values: { name: 'conv2d', suggestion: 'Conv2D' }, line: 3, column: 21 },
    ],
    // line 1: "from keras.layers import Dense, Flaten", `Flaten` at column 33 (the error comes when it is called)
    [
      'from keras.layers import X',
      'from keras.layers import Dense, Flaten\nimport keras\nmodel = keras.Sequential([keras.Input(shape=(2, 2)), Flaten(), Dense(1)])\n',
      { code: 'python-no-layer-close', values: { name: 'Flaten', suggestion: 'Flatten' }, line: 1, column: 33 },
    ],
    // `as` keeps the imported name's place: "from tensorflow.keras.layers import Desne as D", `Desne` at column 37
    [
      'from tensorflow.keras.layers import X as Y (a swap of two letters)',
      'from tensorflow.keras.layers import Desne as D\nimport tensorflow as tf\nmodel = tf.keras.Sequential([tf.keras.Input(shape=(3,)), D(2)])\n',
      { code: 'python-no-layer-close', values: { name: 'Desne', suggestion: 'Dense' }, line: 1, column: 37 },
    ],
    // nothing near "Transmogrify": no suggestion; `Transmogrify` at column 65
    [
      'a name near no layer',
      'import keras\nmodel = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Transmogrify()])\n',
      { code: 'python-no-layer', values: { name: 'Transmogrify' }, line: 2, column: 65 },
    ],
    // Conv1D, Conv2D and Conv3D are all one edit from Conv4D: no single suggestion; `Conv4D` at column 18
    [
      'a name equally near several layers',
      'import keras\nx = keras.Input(shape=(4, 4, 4, 4, 1))\ny = keras.layers.Conv4D(1, 1)(x)\nmodel = keras.Model(x, y)\n',
      { code: 'python-no-layer', values: { name: 'Conv4D' }, line: 3, column: 18 },
    ],
    // "model = keras.applications.VGG61()", `VGG61` at column 28
    [
      'keras.applications.X',
      'import keras\nmodel = keras.applications.VGG61()\n',
      { code: 'python-no-application-close', values: { name: 'VGG61', suggestion: 'VGG16' }, line: 2, column: 28 },
    ],
  ])('%s', (_, code, expected) => {
    expect(problem(code)).toMatchObject(expected);
  });

  it('says it in English with the suggestion', () => {
    expect(problem('from keras import layers\nimport keras\nm = keras.Sequential([layers.Flaten()])\n').message).toContain(
      'Keras has no layer called "Flaten"; did you mean "Flatten"?',
    );
  });

  it.each([
    // a real Keras class the engine has no spec for is not a typo
    ['keras.layers.StringLookup', 'import keras\nmodel = keras.Sequential([keras.Input(shape=(3,)), keras.layers.StringLookup()])\n'],
    // a real application without a builder here
    ['keras.applications.EfficientNetV2S', 'import keras\nmodel = keras.applications.EfficientNetV2S()\n'],
    // a lower-case name near no layer: a submodule or function, not a typo
    ['keras.layers.experimental', 'import keras\nmodel = keras.Sequential([keras.Input(shape=(3,)), keras.layers.experimental()])\n'],
  ])('%s is not called a typo', (_, code) => {
    const r = readPython(code);
    const all = r.ok ? [...r.value.notes, ...r.value.models.flatMap((m) => (m.problem ? [m.problem] : []))] : [r.error];
    const typos = ['python-no-layer', 'python-no-layer-close', 'python-no-application', 'python-no-application-close'];
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((d) => typos.includes(d.code))).toEqual([]);
  });

  it('a missing attribute of a module that is not Keras is skipped as before', () => {
    const code =
      'import keras\nimport numpy as np\nnp.Flaten()\nmodel = keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2)])\nmodel.summary()\n';
    expect(rows(code)).toEqual(['dense Dense [null,2] 8']);
  });
});

describe('a functional model a problem stops keeps what can be built', () => {
  /** The rows of model `i` (default: the one shown) and the read, for a script that has a problem. */
  function partial(code: string, i?: number) {
    const r = readPython(code);
    if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.message}`);
    const m = r.value.models[i ?? r.value.main]!;
    const s = summarize(m.model);
    if (s.error) throw new Error(s.error.message);
    const json = renderJson(s);
    return { read: r.value, m, json, rows: json.layers.map((l) => `${l.name} ${l.type} ${JSON.stringify(l.outputShape)} ${l.params}`) };
  }

  const MNIST_START = `import keras
from keras import layers
inputs = keras.Input((28, 28, 1))
x = layers.Conv2D(32, 3)(inputs)
x = layers.Flatten()(x)
n = int(open("f").read())
x = layers.Dense(n)(x)
model = keras.Model(inputs, x)
`;

  it('the layers before a Dense whose size is read from a file', () => {
    const { m, rows, json } = partial(MNIST_START);
    expect(rows).toEqual([
      'input_layer InputLayer [null,28,28,1] 0',
      'conv2d Conv2D [null,26,26,32] 320', // 32 × (1 × 3 × 3 + 1)
      'flatten Flatten [null,21632] 0', // 26 × 26 × 32
    ]);
    expect(json.totals.params).toBe(320);
    expect(m.variable).toBe('model');
    // line 6: `n = int(open("f").read())`, `open` at column 9
    expect(m.problem).toMatchObject({ code: 'python-not-static', line: 6, column: 9 });
  });

  it('through readInput, as the lab reads it', () => {
    const r = readInput(MNIST_START, 'model.py');
    if (!r.ok || r.value.kind !== 'model') throw new Error('expected a model');
    const { imported } = r.value;
    expect(summarize(imported.model).rows.map((row) => row.name)).toEqual(['input_layer', 'conv2d', 'flatten']);
    expect(imported.problem).toMatchObject({ line: 6, column: 9 });
  });

  it('a residual block whose branch stops: the other branch stays, the Add goes', () => {
    const code = `import keras
from keras import layers
inputs = keras.Input((16,))
x = layers.Dense(16)(inputs)
skip = layers.Dense(8)(x)
n = int(open("f").read())
branch = layers.Dense(n)(x)
y = layers.Add()([skip, branch])
model = keras.Model(inputs, y)
`;
    const { m, rows, json } = partial(code);
    expect(rows).toEqual([
      'input_layer InputLayer [null,16] 0',
      'dense Dense [null,16] 272', // 16 × 16 + 16
      'dense_1 Dense [null,8] 136', // 16 × 8 + 8
    ]);
    expect(json.totals.params).toBe(272 + 136);
    expect(m.problem).toMatchObject({ code: 'python-not-static', line: 6, column: 9 });
  });

  it('a branch whose statement fails: the names after it are never bound', () => {
    const code = `import keras
from keras import layers
inputs = keras.Input((16,))
a = layers.Dense(16)(inputs)
b = layers.Dense(4)(load(a))
y = layers.Add()([a, b])
z = layers.Dense(2)(y)
model = keras.Model(inputs, z)
`;
    const { m, rows } = partial(code);
    // 16 × 16 + 16 = 272
    expect(rows).toEqual(['input_layer InputLayer [null,16] 0', 'dense Dense [null,16] 272']);
    // line 5: `b = layers.Dense(4)(load(a))`, `load` at column 21: the first place the code stopped
    expect(m.problem).toMatchObject({ code: 'python-not-static', line: 5, column: 21 });
  });

  it('a problem in the arguments of keras.Model itself', () => {
    const code = `import keras
from keras import layers
inputs = keras.Input((8,))
x = layers.Dense(4)(inputs)
model = keras.Model(inputs, outputs=load_head(x))
`;
    const { read, m, rows } = partial(code);
    expect(read.models).toHaveLength(1);
    // 8 × 4 + 4 = 36
    expect(rows).toEqual(['input_layer InputLayer [null,8] 0', 'dense Dense [null,4] 36']);
    expect(m.variable).toBe('model');
    expect(m.model.name).toBe('functional');
    // line 5: "model = keras.Model(inputs, outputs=" is 36 characters, `load_head` at column 37
    expect(m.problem).toMatchObject({ code: 'python-not-static', line: 5, column: 37 });
  });

  it('a finished Sequential, then a broken functional model: both listed, the broken one shown', () => {
    const code = `import keras
from keras import layers
seq = keras.Sequential([keras.Input((3,)), layers.Dense(2)])
inputs = keras.Input((8,))
x = layers.Dense(4)(inputs)
model = keras.Model(inputs, outputs=load_head(x))
`;
    const { read, m, rows } = partial(code);
    expect(read.models.map((x) => x.variable)).toEqual(['seq', 'model']);
    expect(read.main).toBe(1);
    // the Sequential is untouched: 3 × 2 + 2 = 8
    expect(partial(code, 0).rows).toEqual(['dense Dense [null,2] 8']);
    expect(read.models[0]!.problem).toBeUndefined();
    // Keras 3 numbers on: input_layer_1 after the Sequential's, dense_1; 8 × 4 + 4 = 36. Building the
    // Sequential used up `functional` (docs/naming.md), so this one would have been functional_1.
    expect(rows).toEqual(['input_layer_1 InputLayer [null,8] 0', 'dense_1 Dense [null,4] 36']);
    expect(m.model.name).toBe('functional_1');
    expect(m.problem).toMatchObject({ line: 6, column: 37 });
  });

  it('a model finished after the interrupted one is the one shown', () => {
    const code = `import keras
from keras import layers
inputs = keras.Input((8,))
x = layers.Dense(4)(inputs)
broken = keras.Model(inputs, outputs=load_head(x))
other = keras.Sequential([keras.Input((3,)), layers.Dense(2)])
`;
    const r = readPython(code);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.models.map((x) => x.variable)).toEqual(['broken', 'other']);
    expect(r.value.main).toBe(1);
    expect(r.value.models[1]!.problem).toBeUndefined();
    // 8 × 4 + 4 = 36 in the interrupted one; 3 × 2 + 2 = 8 in the one shown
    expect(renderJson(summarize(r.value.models[0]!.model)).totals.params).toBe(36);
    expect(renderJson(summarize(r.value.models[1]!.model)).totals.params).toBe(8);
  });

  it('nothing built on the inputs: the located error alone, as before', () => {
    const r = readPython('import keras\ninputs = keras.Input((4,))\nmodel = keras.Model(inputs, load())\n');
    expect(r.ok).toBe(false);
    // line 3: "model = keras.Model(inputs, " is 28 characters, `load` at column 29
    if (!r.ok) expect(r.error).toMatchObject({ code: 'python-not-static', line: 3, column: 29 });
  });
});

describe('a Sequential list a problem stops keeps the layers before it', () => {
  function shown(code: string) {
    const r = readPython(code);
    if (!r.ok) throw new Error(`${r.error.line}:${r.error.column} ${r.error.message}`);
    const m = r.value.models[r.value.main]!;
    const s = summarize(m.model);
    if (s.error) throw new Error(s.error.message);
    const json = renderJson(s);
    return { read: r.value, m, json, rows: json.layers.map((l) => `${l.name} ${l.type} ${JSON.stringify(l.outputShape)} ${l.params}`) };
  }

  const TYPO = `import keras
from keras import layers
model = keras.Sequential([
    keras.Input((28, 28, 1)),
    layers.Conv2D(32, 3),
    layers.Flaten(),
    layers.Dense(10),
])
`;

  it('a misspelt layer: the Input and the Conv2D before it', () => {
    const { read, m, json, rows } = shown(TYPO);
    expect(rows).toEqual(['conv2d Conv2D [null,26,26,32] 320']); // 32 × (1 × 3 × 3 + 1); 28 − 3 + 1 = 26
    expect(json.totals.params).toBe(320);
    expect(m.model.name).toBe('sequential');
    expect(m.variable).toBe('model');
    expect(read.models).toHaveLength(1);
    expect(read.main).toBe(0);
    // line 6: four spaces and "layers." put `Flaten` at column 12, where the error was before
    expect(m.problem).toMatchObject({ code: 'python-no-layer-close', line: 6, column: 12, values: { suggestion: 'Flatten' } });
  });

  it('through readInput, as the lab reads it', () => {
    const r = readInput(TYPO, 'model.py');
    if (!r.ok || r.value.kind !== 'model') throw new Error('expected a model');
    expect(summarize(r.value.imported.model).rows.map((row) => row.name)).toEqual(['conv2d']);
    expect(r.value.imported.problem).toMatchObject({ line: 6, column: 12 });
  });

  it('a layer whose size is read from a file', () => {
    const { m, json, rows } = shown(TYPO.replace('layers.Flaten()', 'layers.Dense(int(open("f").read()))'));
    expect(rows).toEqual(['conv2d Conv2D [null,26,26,32] 320']);
    expect(json.totals.params).toBe(320);
    expect(m.variable).toBe('model');
    // "    layers.Dense(int(" is 21 characters: `open` at column 22
    expect(m.problem).toMatchObject({ code: 'python-not-static', line: 6, column: 22 });
  });

  it('the first item fails: nothing to keep, the located error alone', () => {
    const r = readPython(TYPO.replace('    keras.Input((28, 28, 1)),\n    layers.Conv2D(32, 3),\n', ''));
    expect(r.ok).toBe(false);
    // `layers.Flaten()` is now line 4, `Flaten` at column 12
    if (!r.ok) expect(r.error).toMatchObject({ code: 'python-no-layer-close', line: 4, column: 12 });
  });

  it('a model finished after the stopped one is the one shown; the stopped one is named last', () => {
    const { read } = shown(`import keras
from keras import layers
broken = keras.Sequential([keras.Input((3,)), layers.Dense(4), layers.Dens(2)])
other = keras.Sequential([keras.Input((3,)), layers.Dense(2)])
`);
    expect(read.models.map((m) => m.variable)).toEqual(['broken', 'other']);
    expect(read.main).toBe(1);
    // Keras never made the stopped one, so `other` is `sequential`; its Dense is the second made
    expect(read.models.map((m) => m.model.name)).toEqual(['sequential_1', 'sequential']);
    expect(read.models.map((m) => summarize(m.model).totals.params)).toEqual([16, 8]); // 3 × 4 + 4; 3 × 2 + 2
    expect(read.models[1]!.problem).toBeUndefined();
  });

  it('keeps name= given after the list', () => {
    const code = `import keras
from keras import layers
model = keras.Sequential([
    keras.Input((3,)),
    layers.Dense(4),
    layers.Dens(2),
], name="x")
`;
    const { m, json, rows } = shown(code);
    expect(rows).toEqual(['dense Dense [null,4] 16']); // 3 × 4 + 4
    expect(json.totals.params).toBe(16);
    expect(m.model.name).toBe('x');
    expect(m.variable).toBe('model');
    // line 6: `Dens` at column 12
    expect(m.problem).toMatchObject({ code: 'python-no-layer-close', line: 6, column: 12, values: { suggestion: 'Dense' } });
  });
});
