/**
 * Inputs for the readers of issue #8, made here so their totals are known by construction: a
 * 300-line Keras script in the style of a notebook, and a 1,000-row printed summary.
 */

/** Dense 64 + BatchNormalization, repeated: each pair is 64 × (64 + 1) + 4 × 64 = 4,416 parameters. */
export const PAIR_PARAMS = 64 * (64 + 1) + 4 * 64;

/**
 * A 300-line script: imports, constants, a helper that adds a block, data-loading and training
 * noise the reader must skip, and `pairs` Dense + BatchNormalization blocks added one line each.
 */
export function pythonScript(pairs = 174): { text: string; params: number } {
  const head = [
    'import os',
    'import numpy as np',
    'import keras',
    'from keras import layers',
    '',
    'os.environ["KERAS_BACKEND"] = "jax"',
    'width = 64',
    'input_shape = (width,)',
    'x_train = np.load("train.npy")',
    '',
    'def block(model, units=width, norm=True):',
    '    model.add(layers.Dense(units, activation="relu"))',
    '    if norm:',
    '        model.add(layers.BatchNormalization())',
    '',
    'model = keras.Sequential(name="deep_mlp")',
    'model.add(keras.Input(shape=input_shape))',
  ];
  const body: string[] = [];
  for (let i = 0; i < pairs; i++) {
    if (i % 10 === 0) body.push(`# block ${i / 10 + 1}`);
    body.push(
      i % 2 === 0 ? 'block(model)' : `model.add(layers.Dense(width // 1, activation="relu"))\nmodel.add(layers.BatchNormalization())`,
    );
  }
  const tail = [
    'model.add(layers.Dense(10, activation="softmax"))',
    'model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])',
    'model.fit(x_train, np.zeros(len(x_train)), epochs=5, batch_size=32, callbacks=[keras.callbacks.EarlyStopping()])',
    'model.summary()',
  ];
  const text = [...head, ...body, ...tail].join('\n');
  return { text: `${text}\n`, params: pairs * PAIR_PARAMS + 64 * 10 + 10 };
}

/**
 * A 1,000-row Keras 3 printout: the printed summary of a Sequential of 500 Dense + BatchNormalization
 * pairs on 64 features (rendered by the engine from the model; its total is known by construction).
 */
export function denseStackPython(pairs = 500): { text: string; params: number } {
  const body = Array.from({ length: pairs }, () => '    layers.Dense(64),\n    layers.BatchNormalization(),').join('\n');
  return {
    text: `import keras\nfrom keras import layers\nmodel = keras.Sequential([\n    keras.Input(shape=(64,)),\n${body}\n])\n`,
    params: pairs * PAIR_PARAMS,
  };
}
