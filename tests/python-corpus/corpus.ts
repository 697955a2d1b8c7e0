/**
 * Keras Python snippets in the forms tutorials, keras.io and books use, each with the summary Keras 3
 * prints for it, worked out by hand (`arithmetic`) — the test corpus of the static Python reader
 * (issue #8). README.md in this folder says how the entries were derived and checked.
 */

export interface CorpusRow {
  name: string;
  type: string;
  /** null for the batch axis; null for the whole shape when the layer is called more than once or returns several tensors. */
  outputShape: (number | null)[] | null;
  params: number;
}

export interface CorpusEntry {
  /** kebab-case */
  id: string;
  /** The form of Keras code it exercises. */
  form: string;
  /** Public material where this form is used. */
  source: string;
  /** The Python snippet, written for this corpus in that form. */
  code: string;
  expected: {
    /** How many models the code builds, when more than one. */
    models?: number;
    /** The model Keras would summarise: the one .summary() is called on, else the last built. */
    name: string;
    totals: { params: number; trainable: number; nonTrainable: number };
    rows: CorpusRow[];
  };
  /** The hand arithmetic for every row with parameters. */
  arithmetic: string;
}

export const corpus: CorpusEntry[] = [
  {
    id: 'mnist-convnet-sequential-list',
    form: 'import keras; Sequential as a list starting with keras.Input; module values num_classes and input_shape',
    source: 'https://keras.io/examples/vision/mnist_convnet/',
    code: `import numpy as np
import keras
from keras import layers

# Model / data parameters
num_classes = 10
input_shape = (28, 28, 1)

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.astype("float32") / 255
x_test = x_test.astype("float32") / 255
x_train = np.expand_dims(x_train, -1)
x_test = np.expand_dims(x_test, -1)
print("x_train shape:", x_train.shape)
y_train = keras.utils.to_categorical(y_train, num_classes)
y_test = keras.utils.to_categorical(y_test, num_classes)

model = keras.Sequential(
    [
        keras.Input(shape=input_shape),
        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),
        layers.MaxPooling2D(pool_size=(2, 2)),
        layers.Flatten(),
        layers.Dropout(0.5),
        layers.Dense(num_classes, activation="softmax"),
    ]
)
model.summary()

batch_size = 128
epochs = 15
model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, validation_split=0.1)
score = model.evaluate(x_test, y_test, verbose=0)
print("Test loss:", score[0])
print("Test accuracy:", score[1])
`,
    expected: {
      name: 'sequential',
      totals: { params: 34826, trainable: 34826, nonTrainable: 0 },
      rows: [
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 26, 26, 32], params: 320 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 13, 13, 32], params: 0 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 11, 11, 64], params: 18496 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 5, 5, 64], params: 0 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 1600], params: 0 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 1600], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 10], params: 16010 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 1 + 1) = 320; conv2d_1: 64 × (3 × 3 × 32 + 1) = 18,496; flatten: 5 × 5 × 64 = 1,600 values; dense: 1,600 × 10 + 10 = 16,010; total: 320 + 18,496 + 16,010 = 34,826',
  },
  {
    id: 'mnist-cnn-models-add-input',
    form: 'from keras import layers, models, Input; classic MNIST CNN with models.Sequential() and .add(), input by Input',
    source: 'https://www.tensorflow.org/tutorials/images/cnn',
    code: `from keras import layers, models, Input
import matplotlib.pyplot as plt

model = models.Sequential()
model.add(Input(shape=(28, 28, 1)))
model.add(layers.Conv2D(32, (3, 3), activation='relu'))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation='relu'))
model.add(layers.MaxPooling2D((2, 2)))
model.add(layers.Conv2D(64, (3, 3), activation='relu'))
model.add(layers.Flatten())
model.add(layers.Dense(64, activation='relu'))
model.add(layers.Dense(10))

model.summary()

model.compile(optimizer='adam',
              loss='sparse_categorical_crossentropy',
              metrics=['accuracy'])
history = model.fit(train_images, train_labels, epochs=10,
                    validation_data=(test_images, test_labels))

plt.plot(history.history['accuracy'], label='accuracy')
plt.plot(history.history['val_accuracy'], label='val_accuracy')
plt.legend(loc='lower right')
plt.show()
`,
    expected: {
      name: 'sequential',
      totals: { params: 93322, trainable: 93322, nonTrainable: 0 },
      rows: [
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 26, 26, 32], params: 320 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 13, 13, 32], params: 0 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 11, 11, 64], params: 18496 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 5, 5, 64], params: 0 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 3, 3, 64], params: 36928 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 576], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 36928 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 650 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 1 + 1) = 320; conv2d_1: 64 × (3 × 3 × 32 + 1) = 18,496; conv2d_2: 64 × (3 × 3 × 64 + 1) = 36,928; flatten: 3 × 3 × 64 = 576 values; dense: 576 × 64 + 64 = 36,928; dense_1: 64 × 10 + 10 = 650; total: 93,322; shapes: 28 → 26 → 13 → 11 → 5 → 3',
  },
  {
    id: 'fashion-mnist-from-tensorflow-import-keras',
    form: 'from tensorflow import keras; Sequential list, input_shape= on the first layer (Flatten)',
    source: 'https://www.tensorflow.org/tutorials/keras/classification',
    code: `# TensorFlow and tf.keras
from tensorflow import keras
import numpy as np
import matplotlib.pyplot as plt

fashion_mnist = keras.datasets.fashion_mnist
(train_images, train_labels), (test_images, test_labels) = fashion_mnist.load_data()

class_names = ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat',
               'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot']

train_images = train_images / 255.0
test_images = test_images / 255.0

plt.figure(figsize=(10, 10))
for i in range(25):
    plt.subplot(5, 5, i + 1)
    plt.imshow(train_images[i], cmap=plt.cm.binary)
    plt.xlabel(class_names[train_labels[i]])
plt.show()

model = keras.Sequential([
    keras.layers.Flatten(input_shape=(28, 28)),
    keras.layers.Dense(128, activation='relu'),
    keras.layers.Dense(10)
])

model.compile(optimizer='adam',
              loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=['accuracy'])
model.summary()
model.fit(train_images, train_labels, epochs=10)
test_loss, test_acc = model.evaluate(test_images, test_labels, verbose=2)
print('\\nTest accuracy:', test_acc)
`,
    expected: {
      name: 'sequential',
      totals: { params: 101770, trainable: 101770, nonTrainable: 0 },
      rows: [
        { name: 'flatten', type: 'Flatten', outputShape: [null, 784], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 128], params: 100480 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 1290 },
      ],
    },
    arithmetic: 'flatten: 28 × 28 = 784 values; dense: 784 × 128 + 128 = 100,480; dense_1: 128 × 10 + 10 = 1,290; total: 101,770',
  },
  {
    id: 'mnist-cnn-tf-keras-add-input-shape',
    form: 'import tensorflow as tf with tf.keras.layers.X; classic MNIST CNN with .add() and input_shape= on the first Conv2D',
    source: 'https://www.tensorflow.org/tutorials/images/cnn',
    code: `import os
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "2"
import tensorflow as tf

print("TensorFlow version:", tf.__version__)
mnist = tf.keras.datasets.mnist
(x_train, y_train), (x_test, y_test) = mnist.load_data()
x_train, x_test = x_train[..., None] / 255.0, x_test[..., None] / 255.0

model = tf.keras.models.Sequential()
model.add(tf.keras.layers.Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)))
model.add(tf.keras.layers.MaxPooling2D((2, 2)))
model.add(tf.keras.layers.Conv2D(64, (3, 3), activation='relu'))
model.add(tf.keras.layers.MaxPooling2D((2, 2)))
model.add(tf.keras.layers.Conv2D(64, (3, 3), activation='relu'))
model.add(tf.keras.layers.Flatten())
model.add(tf.keras.layers.Dense(64, activation='relu'))
model.add(tf.keras.layers.Dense(10))
model.summary()

early = tf.keras.callbacks.EarlyStopping(monitor='val_loss', patience=3)
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3),
              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),
              metrics=['accuracy'])
model.fit(x_train, y_train, epochs=5, validation_split=0.1, callbacks=[early])
`,
    expected: {
      name: 'sequential',
      totals: { params: 93322, trainable: 93322, nonTrainable: 0 },
      rows: [
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 26, 26, 32], params: 320 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 13, 13, 32], params: 0 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 11, 11, 64], params: 18496 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 5, 5, 64], params: 0 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 3, 3, 64], params: 36928 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 576], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 36928 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 650 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 1 + 1) = 320; conv2d_1: 64 × (3 × 3 × 32 + 1) = 18,496; conv2d_2: 64 × (3 × 3 × 64 + 1) = 36,928; flatten: 3 × 3 × 64 = 576 values; dense: 576 × 64 + 64 = 36,928; dense_1: 64 × 10 + 10 = 650; total: 93,322',
  },
  {
    id: 'mnist-cnn-functional-tf-keras-layers-import',
    form: 'from tensorflow.keras.layers import Dense, Conv2D; classic MNIST CNN as a functional chain x = Layer(...)(x), Model(inp, out)',
    source: 'https://keras.io/guides/functional_api/',
    code: `from tensorflow.keras.layers import Dense, Conv2D, MaxPooling2D, Flatten, Input
from tensorflow.keras.models import Model
from tensorflow.keras.callbacks import ModelCheckpoint

inp = Input(shape=(28, 28, 1))
x = Conv2D(32, (3, 3), activation="relu")(inp)
x = MaxPooling2D((2, 2))(x)
x = Conv2D(64, (3, 3), activation="relu")(x)
x = MaxPooling2D((2, 2))(x)
x = Conv2D(64, (3, 3), activation="relu")(x)
x = Flatten()(x)
x = Dense(64, activation="relu")(x)
out = Dense(10, activation="softmax")(x)

model = Model(inp, out)
model.summary()

checkpoint = ModelCheckpoint("best.keras", save_best_only=True)
model.compile(optimizer="rmsprop", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, epochs=5, batch_size=64, callbacks=[checkpoint])
`,
    expected: {
      name: 'functional',
      totals: { params: 93322, trainable: 93322, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 28, 28, 1], params: 0 },
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 26, 26, 32], params: 320 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 13, 13, 32], params: 0 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 11, 11, 64], params: 18496 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 5, 5, 64], params: 0 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 3, 3, 64], params: 36928 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 576], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 36928 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 650 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 1 + 1) = 320; conv2d_1: 64 × (3 × 3 × 32 + 1) = 18,496; conv2d_2: 64 × (3 × 3 × 64 + 1) = 36,928; flatten: 3 × 3 × 64 = 576 values; dense: 576 × 64 + 64 = 36,928; dense_1: 64 × 10 + 10 = 650; total: 93,322',
  },
  {
    id: 'boston-housing-star-import',
    form: 'from keras.layers import *; a helper function with no arguments returning a compiled Sequential; input_shape= from a module value',
    source: 'Chollet, Deep Learning with Python 2e, ch. 4 (predicting house prices)',
    code: `from keras.layers import *
from keras.models import Sequential
from keras.datasets import boston_housing

(train_data, train_targets), (test_data, test_targets) = boston_housing.load_data()
mean = train_data.mean(axis=0)
train_data -= mean
std = train_data.std(axis=0)
train_data /= std

num_features = 13


def build_model():
    model = Sequential([
        Dense(64, activation="relu", input_shape=(num_features,)),
        Dense(64, activation="relu"),
        Dense(1),
    ])
    model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
    return model


model = build_model()
model.summary()
model.fit(train_data, train_targets, epochs=130, batch_size=16, verbose=0)
test_mse_score, test_mae_score = model.evaluate(test_data, test_targets)
`,
    expected: {
      name: 'sequential',
      totals: { params: 5121, trainable: 5121, nonTrainable: 0 },
      rows: [
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 896 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 64], params: 4160 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 1], params: 65 },
      ],
    },
    arithmetic: 'dense: 13 × 64 + 64 = 896; dense_1: 64 × 64 + 64 = 4,160; dense_2: 64 × 1 + 1 = 65; total: 5,121',
  },
  {
    id: 'text-classifier-import-layers-as-l',
    form: 'import keras.layers as L; functional text classifier with Embedding and GlobalAveragePooling1D',
    source: 'https://www.tensorflow.org/tutorials/keras/text_classification',
    code: `import keras
import keras.layers as L

max_features = 10000
embedding_dim = 16
sequence_length = 250

def vectorize_text(text, label):
    text = tf.expand_dims(text, -1)
    return vectorize_layer(text), label

inputs = keras.Input(shape=(sequence_length,), dtype="int64")
x = L.Embedding(max_features + 1, embedding_dim)(inputs)
x = L.Dropout(0.2)(x)
x = L.GlobalAveragePooling1D()(x)
x = L.Dropout(0.2)(x)
outputs = L.Dense(1, activation='sigmoid')(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.summary()

model.compile(loss=keras.losses.BinaryCrossentropy(),
              optimizer='adam',
              metrics=[keras.metrics.BinaryAccuracy(threshold=0.5)])
history = model.fit(train_ds, validation_data=val_ds, epochs=10)
history_dict = history.history
print(history_dict.keys())
`,
    expected: {
      name: 'functional',
      totals: { params: 160033, trainable: 160033, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 250], params: 0 },
        { name: 'embedding', type: 'Embedding', outputShape: [null, 250, 16], params: 160016 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 250, 16], params: 0 },
        { name: 'global_average_pooling1d', type: 'GlobalAveragePooling1D', outputShape: [null, 16], params: 0 },
        { name: 'dropout_1', type: 'Dropout', outputShape: [null, 16], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 17 },
      ],
    },
    arithmetic: 'embedding: (10,000 + 1) × 16 = 160,016; dense: 16 × 1 + 1 = 17; total: 160,033',
  },
  {
    id: 'dcgan-generator-product-dims',
    form: 'module values: latent_dim and a product 7 * 7 * 64 as units and in Reshape; Sequential with name=',
    source: 'https://keras.io/examples/generative/dcgan_overriding_train_step/',
    code: `import keras
from keras import layers

latent_dim = 64
base = 7

generator = keras.Sequential(
    [
        keras.Input(shape=(latent_dim,)),
        layers.Dense(base * base * 64),
        layers.Reshape((base, base, 64)),
        layers.Conv2DTranspose(64, kernel_size=4, strides=2, padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2DTranspose(32, kernel_size=4, strides=2, padding="same"),
        layers.LeakyReLU(negative_slope=0.2),
        layers.Conv2D(1, kernel_size=7, padding="same", activation="sigmoid"),
    ],
    name="generator",
)
generator.summary()

g_optimizer = keras.optimizers.Adam(learning_rate=0.0002, beta_1=0.5)
`,
    expected: {
      name: 'generator',
      totals: { params: 303809, trainable: 303809, nonTrainable: 0 },
      rows: [
        { name: 'dense', type: 'Dense', outputShape: [null, 3136], params: 203840 },
        { name: 'reshape', type: 'Reshape', outputShape: [null, 7, 7, 64], params: 0 },
        { name: 'conv2d_transpose', type: 'Conv2DTranspose', outputShape: [null, 14, 14, 64], params: 65600 },
        { name: 'leaky_re_lu', type: 'LeakyReLU', outputShape: [null, 14, 14, 64], params: 0 },
        { name: 'conv2d_transpose_1', type: 'Conv2DTranspose', outputShape: [null, 28, 28, 32], params: 32800 },
        { name: 'leaky_re_lu_1', type: 'LeakyReLU', outputShape: [null, 28, 28, 32], params: 0 },
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 28, 28, 1], params: 1569 },
      ],
    },
    arithmetic:
      'dense: 64 × 3,136 + 3,136 = 203,840 (7 × 7 × 64 = 3,136 units); conv2d_transpose: 4 × 4 × 64 × 64 + 64 = 65,600; conv2d_transpose_1: 4 × 4 × 64 × 32 + 32 = 32,800; conv2d: 7 × 7 × 32 × 1 + 1 = 1,569; total: 303,809',
  },
  {
    id: 'patch-embedding-floor-div-power',
    form: 'module values with // and **: num_patches = (image_size // patch_size) ** 2, units 2 ** 7',
    source: 'https://keras.io/examples/vision/image_classification_with_vision_transformer/',
    code: `import keras
from keras import layers

image_size = 32
patch_size = 4
projection_dim = 64
num_patches = (image_size // patch_size) ** 2
hidden_units = 2 ** 7
num_classes = 10

inputs = keras.Input(shape=(image_size, image_size, 3))
x = layers.Conv2D(projection_dim, kernel_size=patch_size, strides=patch_size)(inputs)
x = layers.Reshape((num_patches, projection_dim))(x)
x = layers.LayerNormalization(epsilon=1e-6)(x)
x = layers.Dense(hidden_units, activation="gelu")(x)
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(num_classes)(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.summary()
print(f"Patches per image: {num_patches}")
`,
    expected: {
      name: 'functional',
      totals: { params: 12874, trainable: 12874, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 32, 32, 3], params: 0 },
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 8, 8, 64], params: 3136 },
        { name: 'reshape', type: 'Reshape', outputShape: [null, 64, 64], params: 0 },
        { name: 'layer_normalization', type: 'LayerNormalization', outputShape: [null, 64, 64], params: 128 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64, 128], params: 8320 },
        { name: 'global_average_pooling1d', type: 'GlobalAveragePooling1D', outputShape: [null, 128], params: 0 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 1290 },
      ],
    },
    arithmetic:
      'conv2d: 4 × 4 × 3 × 64 + 64 = 3,136 (32 // 4 = 8 → 8 × 8 × 64, reshaped to (8 ** 2, 64) = (64, 64)); layer_normalization: 2 × 64 = 128; dense: 64 × 128 + 128 = 8,320; dense_1: 128 × 10 + 10 = 1,290; total: 12,874',
  },
  {
    id: 'tuple-unpacking-shape-values',
    form: 'tuple unpacking: img_rows, img_cols = 28, 28 and height, width, channels = input_shape; Sequential with InputLayer(shape=)',
    source: 'Géron, Hands-On Machine Learning 3e, ch. 14 (CNNs)',
    code: `import keras
from keras import layers

img_rows, img_cols = 28, 28
channels = 1
input_shape = (img_rows, img_cols, channels)
height, width, depth = input_shape
n_filters, n_classes = 16, 10

(X_train, y_train), (X_test, y_test) = keras.datasets.fashion_mnist.load_data()
X_train = X_train.reshape(-1, height, width, depth) / 255.0

model = keras.Sequential([
    layers.InputLayer(shape=(height, width, depth)),
    layers.Conv2D(n_filters, 5, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Conv2D(n_filters * 2, 3, padding="same", activation="relu"),
    layers.MaxPooling2D(),
    layers.Flatten(),
    layers.Dense(n_classes, activation="softmax"),
])
model.summary()
model.compile(loss="sparse_categorical_crossentropy", optimizer="nadam", metrics=["accuracy"])
`,
    expected: {
      name: 'sequential',
      totals: { params: 20746, trainable: 20746, nonTrainable: 0 },
      rows: [
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 28, 28, 16], params: 416 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 14, 14, 16], params: 0 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 14, 14, 32], params: 4640 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 7, 7, 32], params: 0 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 1568], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 10], params: 15690 },
      ],
    },
    arithmetic:
      'conv2d: 16 × (5 × 5 × 1 + 1) = 416; conv2d_1: 32 × (3 × 3 × 16 + 1) = 4,640; flatten: 7 × 7 × 32 = 1,568 values; dense: 1,568 × 10 + 10 = 15,690; total: 20,746',
  },
  {
    id: 'fstring-and-concat-layer-names',
    form: 'f-strings and string concatenation for layer names in a for loop over range; literal list of widths',
    source: 'https://keras.io/guides/sequential_model/',
    code: `import keras
from keras import layers

widths = [128, 64, 32]
prefix = "mlp"

model = keras.Sequential(name=prefix + "_classifier")
model.add(keras.Input(shape=(20,)))
for i in range(len(widths)):
    model.add(layers.Dense(widths[i], activation="relu", name=f"{prefix}_hidden_{i}"))
    model.add(layers.Dropout(0.1, name="drop_" + str(i)))
model.add(layers.Dense(3, activation="softmax", name=prefix + "_out"))
model.summary()
`,
    expected: {
      name: 'mlp_classifier',
      totals: { params: 13123, trainable: 13123, nonTrainable: 0 },
      rows: [
        { name: 'mlp_hidden_0', type: 'Dense', outputShape: [null, 128], params: 2688 },
        { name: 'drop_0', type: 'Dropout', outputShape: [null, 128], params: 0 },
        { name: 'mlp_hidden_1', type: 'Dense', outputShape: [null, 64], params: 8256 },
        { name: 'drop_1', type: 'Dropout', outputShape: [null, 64], params: 0 },
        { name: 'mlp_hidden_2', type: 'Dense', outputShape: [null, 32], params: 2080 },
        { name: 'drop_2', type: 'Dropout', outputShape: [null, 32], params: 0 },
        { name: 'mlp_out', type: 'Dense', outputShape: [null, 3], params: 99 },
      ],
    },
    arithmetic:
      'mlp_hidden_0: 20 × 128 + 128 = 2,688; mlp_hidden_1: 128 × 64 + 64 = 8,256; mlp_hidden_2: 64 × 32 + 32 = 2,080; mlp_out: 32 × 3 + 3 = 99; total: 13,123',
  },
  {
    id: 'conv-args-dict-and-kwargs',
    form: 'a dict of arguments spread with ** (conv_args), a list of filters, helper with **kwargs forwarded to a layer',
    source: 'https://keras.io/examples/vision/oxford_pets_image_segmentation/',
    code: `import keras
from keras import layers

conv_args = dict(kernel_size=3, padding="same", activation="relu")
filters = [32, 64]


def conv_bn(x, filters, **kwargs):
    x = layers.Conv2D(filters, use_bias=False, **kwargs)(x)
    return layers.BatchNormalization()(x)


inputs = keras.Input(shape=(64, 64, 3))
x = inputs
for f in filters:
    x = layers.Conv2D(f, **conv_args)(x)
    x = conv_bn(x, f, kernel_size=1)
    x = layers.MaxPooling2D()(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
`,
    expected: {
      name: 'functional',
      totals: { params: 25221, trainable: 25029, nonTrainable: 192 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 64, 64, 3], params: 0 },
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 64, 64, 32], params: 896 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 64, 64, 32], params: 1024 },
        { name: 'batch_normalization', type: 'BatchNormalization', outputShape: [null, 64, 64, 32], params: 128 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 32, 32, 32], params: 0 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 32, 32, 64], params: 18496 },
        { name: 'conv2d_3', type: 'Conv2D', outputShape: [null, 32, 32, 64], params: 4096 },
        { name: 'batch_normalization_1', type: 'BatchNormalization', outputShape: [null, 32, 32, 64], params: 256 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 16, 16, 64], params: 0 },
        { name: 'global_average_pooling2d', type: 'GlobalAveragePooling2D', outputShape: [null, 64], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 5], params: 325 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 3 + 1) = 896; conv2d_1: 1 × 1 × 32 × 32 (no bias) = 1,024; batch_normalization: 4 × 32 = 128 (64 trainable, 64 non-trainable); conv2d_2: 64 × (3 × 3 × 32 + 1) = 18,496; conv2d_3: 1 × 1 × 64 × 64 (no bias) = 4,096; batch_normalization_1: 4 × 64 = 256 (128 trainable, 128 non-trainable); dense: 64 × 5 + 5 = 325; total: 25,221 (trainable 25,029, non-trainable 192)',
  },
  {
    id: 'input-dim-on-first-dense',
    form: 'Sequential with .add() and input_dim= on the first layer',
    source: 'Chollet, Deep Learning with Python 1e, ch. 3 (classifying movie reviews)',
    code: `from keras import models
from keras import layers
from keras.datasets import imdb
import numpy as np

(train_data, train_labels), (test_data, test_labels) = imdb.load_data(num_words=10000)


def vectorize_sequences(sequences, dimension=10000):
    results = np.zeros((len(sequences), dimension))
    for i, sequence in enumerate(sequences):
        results[i, sequence] = 1.
    return results


x_train = vectorize_sequences(train_data)
y_train = np.asarray(train_labels).astype('float32')

model = models.Sequential()
model.add(layers.Dense(16, activation='relu', input_dim=10000))
model.add(layers.Dense(16, activation='relu'))
model.add(layers.Dense(1, activation='sigmoid'))
model.compile(optimizer='rmsprop', loss='binary_crossentropy', metrics=['accuracy'])
model.summary()
history = model.fit(x_train, y_train, epochs=4, batch_size=512)
`,
    expected: {
      name: 'sequential',
      totals: { params: 160305, trainable: 160305, nonTrainable: 0 },
      rows: [
        { name: 'dense', type: 'Dense', outputShape: [null, 16], params: 160016 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 16], params: 272 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 1], params: 17 },
      ],
    },
    arithmetic: 'dense: 10,000 × 16 + 16 = 160,016; dense_1: 16 × 16 + 16 = 272; dense_2: 16 × 1 + 1 = 17; total: 160,305',
  },
  {
    id: 'batch-shape-stateful-lstm',
    form: 'Sequential starting with keras.Input(batch_shape=...) — the Keras 3 spelling of batch_input_shape= (a fixed batch size appears in every shape)',
    source: 'https://keras.io/guides/working_with_rnns/',
    code: `import keras
from keras import layers

batch_size = 32
timesteps, features = 10, 8

model = keras.Sequential()
model.add(keras.Input(batch_shape=(batch_size, timesteps, features)))
model.add(layers.LSTM(32, stateful=True, return_sequences=True))
model.add(layers.LSTM(16, stateful=True))
model.add(layers.Dense(1))
model.compile(loss="mse", optimizer="adam")
model.summary()
`,
    expected: {
      name: 'sequential',
      totals: { params: 8401, trainable: 8401, nonTrainable: 0 },
      rows: [
        { name: 'lstm', type: 'LSTM', outputShape: [32, 10, 32], params: 5248 },
        { name: 'lstm_1', type: 'LSTM', outputShape: [32, 16], params: 3136 },
        { name: 'dense', type: 'Dense', outputShape: [32, 1], params: 17 },
      ],
    },
    arithmetic:
      'lstm: 4 × (8 × 32 + 32 × 32 + 32) = 5,248; lstm_1: 4 × (32 × 16 + 16 × 16 + 16) = 3,136; dense: 16 × 1 + 1 = 17; total: 8,401; shapes: the fixed batch size 32 takes the place of None in every output shape',
  },
  {
    id: 'inputlayer-batch-shape',
    form: 'Sequential list starting with layers.InputLayer(batch_shape=(None, ...))',
    source: 'https://keras.io/api/layers/core_layers/input/',
    code: `import keras
from keras import layers

model = keras.Sequential([
    layers.InputLayer(batch_shape=(None, 100, 4)),
    layers.Conv1D(16, 5, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
model.summary()
`,
    expected: {
      name: 'sequential',
      totals: { params: 353, trainable: 353, nonTrainable: 0 },
      rows: [
        { name: 'conv1d', type: 'Conv1D', outputShape: [null, 96, 16], params: 336 },
        { name: 'global_max_pooling1d', type: 'GlobalMaxPooling1D', outputShape: [null, 16], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 17 },
      ],
    },
    arithmetic: 'conv1d: 5 × 4 × 16 + 16 = 336; dense: 16 × 1 + 1 = 17; total: 353',
  },
  {
    id: 'sequential-build-later',
    form: 'Sequential without an input, then model.build((None, 28, 28, 1))',
    source: 'https://keras.io/guides/sequential_model/',
    code: `import keras
from keras import layers

model = keras.Sequential(
    [
        layers.Conv2D(8, 3, activation="relu"),
        layers.Conv2D(8, 3, activation="relu"),
        layers.GlobalAveragePooling2D(),
        layers.Dense(10),
    ],
    name="deferred",
)
# No weights yet: the model does not know its input
print(len(model.weights))
model.build((None, 28, 28, 1))
print(len(model.weights))
model.summary()
`,
    expected: {
      name: 'deferred',
      totals: { params: 754, trainable: 754, nonTrainable: 0 },
      rows: [
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 26, 26, 8], params: 80 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 24, 24, 8], params: 584 },
        { name: 'global_average_pooling2d', type: 'GlobalAveragePooling2D', outputShape: [null, 8], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 10], params: 90 },
      ],
    },
    arithmetic: 'conv2d: 8 × (3 × 3 × 1 + 1) = 80; conv2d_1: 8 × (3 × 3 × 8 + 1) = 584; dense: 8 × 10 + 10 = 90; total: 754',
  },
  {
    id: 'sequential-called-on-tensor',
    form: 'Sequential without an input built by calling it on a tensor: y = model(keras.Input(...))',
    source: 'https://keras.io/guides/sequential_model/',
    code: `import keras
from keras import layers

model = keras.Sequential()
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(32, activation="relu"))
model.add(layers.Dense(4))

x = keras.Input(shape=(16,))
y = model(x)
print("Number of weights after calling the model:", len(model.weights))
model.summary()
`,
    expected: {
      name: 'sequential',
      totals: { params: 1732, trainable: 1732, nonTrainable: 0 },
      rows: [
        { name: 'dense', type: 'Dense', outputShape: [null, 32], params: 544 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 32], params: 1056 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 4], params: 132 },
      ],
    },
    arithmetic: 'dense: 16 × 32 + 32 = 544; dense_1: 32 × 32 + 32 = 1,056; dense_2: 32 × 4 + 4 = 132; total: 1,732',
  },
  {
    id: 'functional-mlp-keyword-model',
    form: 'Functional chain x = layers.Dense(64)(x); keras.Model(inputs=..., outputs=..., name=...)',
    source: 'https://keras.io/guides/functional_api/',
    code: `import numpy as np
import keras
from keras import layers

inputs = keras.Input(shape=(784,))
x = layers.Dense(64, activation="relu")(inputs)
x = layers.Dense(64, activation="relu")(x)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs=inputs, outputs=outputs, name="mnist_model")
model.summary()

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(60000, 784).astype("float32") / 255
model.compile(
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    optimizer=keras.optimizers.RMSprop(),
    metrics=[keras.metrics.SparseCategoricalAccuracy()],
)
history = model.fit(x_train, y_train, batch_size=64, epochs=2, validation_split=0.2)
`,
    expected: {
      name: 'mnist_model',
      totals: { params: 55050, trainable: 55050, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 784], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 50240 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 64], params: 4160 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 10], params: 650 },
      ],
    },
    arithmetic: 'dense: 784 × 64 + 64 = 50,240; dense_1: 64 × 64 + 64 = 4,160; dense_2: 64 × 10 + 10 = 650; total: 55,050',
  },
  {
    id: 'shared-embedding-two-inputs',
    form: 'a shared layer (one Embedding object called on two inputs); layers.concatenate([...])',
    source: 'https://keras.io/guides/functional_api/',
    code: `import keras
from keras import layers

shared_embedding = layers.Embedding(1000, 64)
text_input_a = keras.Input(shape=(None,), dtype="int32")
text_input_b = keras.Input(shape=(None,), dtype="int32")
encoded_a = shared_embedding(text_input_a)
encoded_b = shared_embedding(text_input_b)

pooled_a = layers.GlobalAveragePooling1D()(encoded_a)
pooled_b = layers.GlobalAveragePooling1D()(encoded_b)
merged = layers.concatenate([pooled_a, pooled_b])
score = layers.Dense(1, activation="sigmoid")(merged)

model = keras.Model([text_input_a, text_input_b], score)
model.summary()
`,
    expected: {
      name: 'functional',
      totals: { params: 64129, trainable: 64129, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, null], params: 0 },
        { name: 'input_layer_1', type: 'InputLayer', outputShape: [null, null], params: 0 },
        { name: 'embedding', type: 'Embedding', outputShape: null, params: 64000 },
        { name: 'global_average_pooling1d', type: 'GlobalAveragePooling1D', outputShape: [null, 64], params: 0 },
        { name: 'global_average_pooling1d_1', type: 'GlobalAveragePooling1D', outputShape: [null, 64], params: 0 },
        { name: 'concatenate', type: 'Concatenate', outputShape: [null, 128], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 129 },
      ],
    },
    arithmetic:
      'embedding: 1,000 × 64 = 64,000 (counted once although called twice); dense: 128 × 1 + 1 = 129 (concatenate: 64 + 64 = 128); total: 64,129; shapes: embedding is called twice, so its outputShape is null here',
  },
  {
    id: 'siamese-shared-dense-subtract',
    form: 'a whole functional model (tower) called as a layer on two inputs, so shared; layers.subtract; keras.Model(inputs=[left, right], outputs=...)',
    source: 'https://keras.io/examples/vision/siamese_network/',
    code: `import keras
from keras import layers, ops

feature_dim = 32

tower_in = keras.Input(shape=(feature_dim,))
h = layers.Dense(64, activation="relu")(tower_in)
h = layers.Dense(16)(h)
tower = keras.Model(tower_in, h, name="tower")

left = keras.Input(shape=(feature_dim,), name="left")
right = keras.Input(shape=(feature_dim,), name="right")
distance = layers.subtract([tower(left), tower(right)])
out = layers.Dense(1, activation="sigmoid")(distance)
siamese = keras.Model(inputs=[left, right], outputs=out)
siamese.summary()
`,
    expected: {
      models: 2,
      name: 'functional',
      totals: { params: 3169, trainable: 3169, nonTrainable: 0 },
      rows: [
        { name: 'left', type: 'InputLayer', outputShape: [null, 32], params: 0 },
        { name: 'right', type: 'InputLayer', outputShape: [null, 32], params: 0 },
        { name: 'tower', type: 'Functional', outputShape: null, params: 3152 },
        { name: 'subtract', type: 'Subtract', outputShape: [null, 16], params: 0 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 1], params: 17 },
      ],
    },
    arithmetic:
      'tower: (32 × 64 + 64) + (64 × 16 + 16) = 2,112 + 1,040 = 3,152 (its dense and dense_1; called twice, counted once); dense_2: 16 × 1 + 1 = 17; total: 3,169; shapes: tower is called twice, so its outputShape is null here',
  },
  {
    id: 'ticket-model-list-inputs-outputs',
    form: 'several inputs and outputs as lists; layers.concatenate; keras.Model(inputs=[...], outputs=[...])',
    source: 'Chollet, Deep Learning with Python 2e, ch. 7 (multi-input, multi-output functional model)',
    code: `import numpy as np
import keras
from keras import layers

vocabulary_size = 10000
num_tags = 100
num_departments = 4

title = keras.Input(shape=(vocabulary_size,), name="title")
text_body = keras.Input(shape=(vocabulary_size,), name="text_body")
tags = keras.Input(shape=(num_tags,), name="tags")

features = layers.concatenate([title, text_body, tags])
features = layers.Dense(64, activation="relu")(features)

priority = layers.Dense(1, activation="sigmoid", name="priority")(features)
department = layers.Dense(num_departments, activation="softmax", name="department")(features)

model = keras.Model(inputs=[title, text_body, tags], outputs=[priority, department])
model.summary()

num_samples = 1280
title_data = np.random.randint(0, 2, size=(num_samples, vocabulary_size))
model.compile(optimizer="rmsprop",
              loss=["mean_squared_error", "categorical_crossentropy"],
              metrics=[["mean_absolute_error"], ["accuracy"]])
`,
    expected: {
      name: 'functional',
      totals: { params: 1286789, trainable: 1286789, nonTrainable: 0 },
      rows: [
        { name: 'title', type: 'InputLayer', outputShape: [null, 10000], params: 0 },
        { name: 'text_body', type: 'InputLayer', outputShape: [null, 10000], params: 0 },
        { name: 'tags', type: 'InputLayer', outputShape: [null, 100], params: 0 },
        { name: 'concatenate', type: 'Concatenate', outputShape: [null, 20100], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 1286464 },
        { name: 'priority', type: 'Dense', outputShape: [null, 1], params: 65 },
        { name: 'department', type: 'Dense', outputShape: [null, 4], params: 260 },
      ],
    },
    arithmetic:
      'concatenate: 10,000 + 10,000 + 100 = 20,100 features; dense: 20,100 × 64 + 64 = 1,286,464; priority: 64 × 1 + 1 = 65; department: 64 × 4 + 4 = 260; total: 1,286,789',
  },
  {
    id: 'dict-inputs-outputs-concatenate-layer',
    form: 'several inputs and outputs as dicts; Concatenate(axis=-1)([...]); from keras import Model, Input',
    source: 'https://keras.io/guides/functional_api/',
    code: `from keras import Model, Input
from keras.layers import Concatenate, Dense, Embedding, LSTM

num_words = 5000
num_tags = 12

title_input = Input(shape=(None,), name="title")
body_input = Input(shape=(None,), name="body")
tags_input = Input(shape=(num_tags,), name="tags")

title_features = Embedding(num_words, 32)(title_input)
body_features = Embedding(num_words, 32)(body_input)
title_features = LSTM(64)(title_features)
body_features = LSTM(16)(body_features)

x = Concatenate(axis=-1)([title_features, body_features, tags_input])
priority_pred = Dense(1, name="priority")(x)
department_pred = Dense(3, name="department")(x)

model = Model(
    inputs={"title": title_input, "body": body_input, "tags": tags_input},
    outputs={"priority": priority_pred, "department": department_pred},
)
model.summary()
model.compile(optimizer="adam",
              loss={"priority": "binary_crossentropy", "department": "categorical_crossentropy"},
              loss_weights={"priority": 1.0, "department": 0.2})
`,
    expected: {
      name: 'functional',
      totals: { params: 348340, trainable: 348340, nonTrainable: 0 },
      rows: [
        { name: 'title', type: 'InputLayer', outputShape: [null, null], params: 0 },
        { name: 'body', type: 'InputLayer', outputShape: [null, null], params: 0 },
        { name: 'embedding', type: 'Embedding', outputShape: [null, null, 32], params: 160000 },
        { name: 'embedding_1', type: 'Embedding', outputShape: [null, null, 32], params: 160000 },
        { name: 'lstm', type: 'LSTM', outputShape: [null, 64], params: 24832 },
        { name: 'lstm_1', type: 'LSTM', outputShape: [null, 16], params: 3136 },
        { name: 'tags', type: 'InputLayer', outputShape: [null, 12], params: 0 },
        { name: 'concatenate', type: 'Concatenate', outputShape: [null, 92], params: 0 },
        { name: 'department', type: 'Dense', outputShape: [null, 3], params: 279 },
        { name: 'priority', type: 'Dense', outputShape: [null, 1], params: 93 },
      ],
    },
    arithmetic:
      'embedding: 5,000 × 32 = 160,000; embedding_1: 5,000 × 32 = 160,000; lstm: 4 × (32 × 64 + 64 × 64 + 64) = 24,832; lstm_1: 4 × (32 × 16 + 16 × 16 + 16) = 3,136; concatenate: 64 + 16 + 12 = 92 features; priority: 92 × 1 + 1 = 93; department: 92 × 3 + 3 = 279; total: 348,340; row order: by depth from the outputs, ties in traversal order; the output dict is flattened in sorted-key order (department, priority), so: title, body (depth 4), embedding, embedding_1 (3), lstm, lstm_1, tags (2), concatenate (1), department, priority (0)',
  },
  {
    id: 'toy-resnet-layers-add',
    form: 'residual connections with layers.add([...]); the same variable reused as the block input',
    source: 'https://keras.io/guides/functional_api/',
    code: `import keras
from keras import layers

inputs = keras.Input(shape=(32, 32, 3), name="img")
x = layers.Conv2D(32, 3, activation="relu")(inputs)
x = layers.Conv2D(64, 3, activation="relu")(x)
block_1_output = layers.MaxPooling2D(3)(x)

x = layers.Conv2D(64, 3, activation="relu", padding="same")(block_1_output)
x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)
block_2_output = layers.add([x, block_1_output])

x = layers.Conv2D(64, 3, activation="relu", padding="same")(block_2_output)
x = layers.Conv2D(64, 3, activation="relu", padding="same")(x)
block_3_output = layers.add([x, block_2_output])

x = layers.Conv2D(64, 3, activation="relu")(block_3_output)
x = layers.GlobalAveragePooling2D()(x)
x = layers.Dense(256, activation="relu")(x)
x = layers.Dropout(0.5)(x)
outputs = layers.Dense(10)(x)

model = keras.Model(inputs, outputs, name="toy_resnet")
model.summary()
keras.utils.plot_model(model, "mini_resnet.png", show_shapes=True)
`,
    expected: {
      name: 'toy_resnet',
      totals: { params: 223242, trainable: 223242, nonTrainable: 0 },
      rows: [
        { name: 'img', type: 'InputLayer', outputShape: [null, 32, 32, 3], params: 0 },
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 30, 30, 32], params: 896 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 28, 28, 64], params: 18496 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 9, 9, 64], params: 0 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 9, 9, 64], params: 36928 },
        { name: 'conv2d_3', type: 'Conv2D', outputShape: [null, 9, 9, 64], params: 36928 },
        { name: 'add', type: 'Add', outputShape: [null, 9, 9, 64], params: 0 },
        { name: 'conv2d_4', type: 'Conv2D', outputShape: [null, 9, 9, 64], params: 36928 },
        { name: 'conv2d_5', type: 'Conv2D', outputShape: [null, 9, 9, 64], params: 36928 },
        { name: 'add_1', type: 'Add', outputShape: [null, 9, 9, 64], params: 0 },
        { name: 'conv2d_6', type: 'Conv2D', outputShape: [null, 7, 7, 64], params: 36928 },
        { name: 'global_average_pooling2d', type: 'GlobalAveragePooling2D', outputShape: [null, 64], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 256], params: 16640 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 256], params: 0 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 2570 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 3 + 1) = 896; conv2d_1: 64 × (3 × 3 × 32 + 1) = 18,496; conv2d_2: 64 × (3 × 3 × 64 + 1) = 36,928; conv2d_3: 36,928; conv2d_4: 36,928; conv2d_5: 36,928; conv2d_6: 36,928; dense: 64 × 256 + 256 = 16,640; dense_1: 256 × 10 + 10 = 2,570; total: 223,242',
  },
  {
    id: 'inception-block-concatenate-axis',
    form: 'parallel branches merged by layers.Concatenate(axis=-1)([...]); helper function with default arguments',
    source: 'Chollet, Deep Learning with Python 2e, ch. 9 (modern convnet architecture patterns)',
    code: `import keras
from keras import layers


def inception_block(x, filters=16, pool_filters=8):
    branch_a = layers.Conv2D(filters, 1, activation="relu")(x)
    branch_b = layers.Conv2D(filters, 1, activation="relu")(x)
    branch_b = layers.Conv2D(filters, 3, padding="same", activation="relu")(branch_b)
    branch_c = layers.MaxPooling2D(3, strides=1, padding="same")(x)
    branch_c = layers.Conv2D(pool_filters, 1, activation="relu")(branch_c)
    return layers.Concatenate(axis=-1)([branch_a, branch_b, branch_c])


inputs = keras.Input(shape=(32, 32, 3))
x = inception_block(inputs)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(10, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
`,
    expected: {
      name: 'functional',
      totals: { params: 2890, trainable: 2890, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 32, 32, 3], params: 0 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 32, 32, 16], params: 64 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 32, 32, 3], params: 0 },
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 32, 32, 16], params: 64 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 32, 32, 16], params: 2320 },
        { name: 'conv2d_3', type: 'Conv2D', outputShape: [null, 32, 32, 8], params: 32 },
        { name: 'concatenate', type: 'Concatenate', outputShape: [null, 32, 32, 40], params: 0 },
        { name: 'global_average_pooling2d', type: 'GlobalAveragePooling2D', outputShape: [null, 40], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 10], params: 410 },
      ],
    },
    arithmetic:
      'conv2d: 16 × (1 × 1 × 3 + 1) = 64; conv2d_1: 16 × (1 × 1 × 3 + 1) = 64; conv2d_2: 16 × (3 × 3 × 16 + 1) = 2,320; conv2d_3: 8 × (1 × 1 × 3 + 1) = 32; concatenate: 16 + 16 + 8 = 40 channels; dense: 40 × 10 + 10 = 410; total: 2,890',
  },
  {
    id: 'tensor-operators-add-multiply',
    form: 'tensor arithmetic in a functional graph: x + y becomes an Add operation row, x * 0.5 a Multiply row',
    source: 'https://keras.io/guides/functional_api/',
    code: `import keras
from keras import layers

inputs = keras.Input(shape=(64,))
x = layers.Dense(64, activation="relu")(inputs)
y = layers.Dense(64)(x)
residual = x + y
scaled = residual * 0.5
outputs = layers.Dense(1)(scaled)
model = keras.Model(inputs=inputs, outputs=outputs)
model.summary()
`,
    expected: {
      name: 'functional',
      totals: { params: 8385, trainable: 8385, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 64], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 4160 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 64], params: 4160 },
        { name: 'add', type: 'Add', outputShape: [null, 64], params: 0 },
        { name: 'multiply', type: 'Multiply', outputShape: [null, 64], params: 0 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 1], params: 65 },
      ],
    },
    arithmetic: 'dense: 64 × 64 + 64 = 4,160; dense_1: 64 × 64 + 64 = 4,160; dense_2: 64 × 1 + 1 = 65; total: 8,385',
  },
  {
    id: 'autoencoder-nested-models',
    form: 'models called as layers (nested): encoder and decoder Functional models composed into an autoencoder',
    source: 'https://keras.io/guides/functional_api/',
    code: `import keras
from keras import layers

encoder_input = keras.Input(shape=(28, 28, 1), name="original_img")
x = layers.Conv2D(16, 3, activation="relu")(encoder_input)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.MaxPooling2D(3)(x)
x = layers.Conv2D(32, 3, activation="relu")(x)
x = layers.Conv2D(16, 3, activation="relu")(x)
encoder_output = layers.GlobalMaxPooling2D()(x)
encoder = keras.Model(encoder_input, encoder_output, name="encoder")
encoder.summary()

decoder_input = keras.Input(shape=(16,), name="encoded_img")
x = layers.Reshape((4, 4, 1))(decoder_input)
x = layers.Conv2DTranspose(16, 3, activation="relu")(x)
x = layers.Conv2DTranspose(32, 3, activation="relu")(x)
x = layers.UpSampling2D(3)(x)
x = layers.Conv2DTranspose(16, 3, activation="relu")(x)
decoder_output = layers.Conv2DTranspose(1, 3, activation="relu")(x)
decoder = keras.Model(decoder_input, decoder_output, name="decoder")
decoder.summary()

autoencoder_input = keras.Input(shape=(28, 28, 1), name="img")
encoded_img = encoder(autoencoder_input)
decoded_img = decoder(encoded_img)
autoencoder = keras.Model(autoencoder_input, decoded_img, name="autoencoder")
autoencoder.summary()
`,
    expected: {
      models: 3,
      name: 'autoencoder',
      totals: { params: 28241, trainable: 28241, nonTrainable: 0 },
      rows: [
        { name: 'img', type: 'InputLayer', outputShape: [null, 28, 28, 1], params: 0 },
        { name: 'encoder', type: 'Functional', outputShape: [null, 16], params: 18672 },
        { name: 'decoder', type: 'Functional', outputShape: [null, 28, 28, 1], params: 9569 },
      ],
    },
    arithmetic:
      'encoder: conv2d 16 × (3 × 3 × 1 + 1) = 160, conv2d_1 32 × (3 × 3 × 16 + 1) = 4,640, conv2d_2 32 × (3 × 3 × 32 + 1) = 9,248, conv2d_3 16 × (3 × 3 × 32 + 1) = 4,624 → 160 + 4,640 + 9,248 + 4,624 = 18,672; decoder: conv2d_transpose 3 × 3 × 16 × 1 + 16 = 160, conv2d_transpose_1 3 × 3 × 32 × 16 + 32 = 4,640, conv2d_transpose_2 3 × 3 × 16 × 32 + 16 = 4,624, conv2d_transpose_3 3 × 3 × 1 × 16 + 1 = 145 → 160 + 4,640 + 4,624 + 145 = 9,569; total: 18,672 + 9,569 = 28,241',
  },
  {
    id: 'seq2seq-lstm-return-state',
    form: 'out, h, c = layers.LSTM(64, return_state=True)(x); states passed as initial_state; two Inputs',
    source: 'https://keras.io/examples/nlp/lstm_seq2seq/',
    code: `import numpy as np
import keras

batch_size = 64
epochs = 100
latent_dim = 256
num_encoder_tokens = 71
num_decoder_tokens = 93

encoder_inputs = keras.Input(shape=(None, num_encoder_tokens))
encoder = keras.layers.LSTM(latent_dim, return_state=True)
encoder_outputs, state_h, state_c = encoder(encoder_inputs)
encoder_states = [state_h, state_c]

decoder_inputs = keras.Input(shape=(None, num_decoder_tokens))
decoder_lstm = keras.layers.LSTM(latent_dim, return_sequences=True, return_state=True)
decoder_outputs, _, _ = decoder_lstm(decoder_inputs, initial_state=encoder_states)
decoder_dense = keras.layers.Dense(num_decoder_tokens, activation="softmax")
decoder_outputs = decoder_dense(decoder_outputs)

model = keras.Model([encoder_inputs, decoder_inputs], decoder_outputs)
model.compile(optimizer="rmsprop", loss="categorical_crossentropy", metrics=["accuracy"])
model.summary()
model.fit([encoder_input_data, decoder_input_data], decoder_target_data,
          batch_size=batch_size, epochs=epochs, validation_split=0.2)
model.save("s2s_model.keras")
`,
    expected: {
      name: 'functional',
      totals: { params: 718173, trainable: 718173, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, null, 71], params: 0 },
        { name: 'input_layer_1', type: 'InputLayer', outputShape: [null, null, 93], params: 0 },
        { name: 'lstm', type: 'LSTM', outputShape: null, params: 335872 },
        { name: 'lstm_1', type: 'LSTM', outputShape: null, params: 358400 },
        { name: 'dense', type: 'Dense', outputShape: [null, null, 93], params: 23901 },
      ],
    },
    arithmetic:
      'lstm: 4 × (71 × 256 + 256 × 256 + 256) = 4 × 83,968 = 335,872; lstm_1: 4 × (93 × 256 + 256 × 256 + 256) = 4 × 89,600 = 358,400; dense: 256 × 93 + 93 = 23,901 (applied to the last axis of (None, None, 256)); total: 718,173; shapes: lstm and lstm_1 return three tensors (output, h, c), so their outputShape is null here',
  },
  {
    id: 'bidirectional-lstm-imdb',
    form: 'Bidirectional(LSTM(...)) stacked, Embedding on a variable-length int input',
    source: 'https://keras.io/examples/nlp/bidirectional_lstm_imdb/',
    code: `import numpy as np
import keras
from keras import layers

max_features = 20000
maxlen = 200

inputs = keras.Input(shape=(None,), dtype="int32")
x = layers.Embedding(max_features, 128)(inputs)
x = layers.Bidirectional(layers.LSTM(64, return_sequences=True))(x)
x = layers.Bidirectional(layers.LSTM(64))(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs)
model.summary()

(x_train, y_train), (x_val, y_val) = keras.datasets.imdb.load_data(num_words=max_features)
print(len(x_train), "Training sequences")
x_train = keras.utils.pad_sequences(x_train, maxlen=maxlen)
x_val = keras.utils.pad_sequences(x_val, maxlen=maxlen)
model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
model.fit(x_train, y_train, batch_size=32, epochs=2, validation_data=(x_val, y_val))
`,
    expected: {
      name: 'functional',
      totals: { params: 2757761, trainable: 2757761, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, null], params: 0 },
        { name: 'embedding', type: 'Embedding', outputShape: [null, null, 128], params: 2560000 },
        { name: 'bidirectional', type: 'Bidirectional', outputShape: [null, null, 128], params: 98816 },
        { name: 'bidirectional_1', type: 'Bidirectional', outputShape: [null, 128], params: 98816 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 129 },
      ],
    },
    arithmetic:
      'embedding: 20,000 × 128 = 2,560,000; bidirectional: 2 × 4 × (128 × 64 + 64 × 64 + 64) = 98,816; bidirectional_1: 2 × 4 × (128 × 64 + 64 × 64 + 64) = 98,816 (input 2 × 64 = 128); dense: 128 × 1 + 1 = 129; total: 2,757,761',
  },
  {
    id: 'time-distributed-video-frames',
    form: 'TimeDistributed(Conv2D/...) over frames, then an LSTM; Sequential with keras.Input of rank 5',
    source: 'https://keras.io/api/layers/recurrent_layers/time_distributed/',
    code: `import keras
from keras import layers

frames, height, width, channels = 10, 32, 32, 3

model = keras.Sequential([
    keras.Input(shape=(frames, height, width, channels)),
    layers.TimeDistributed(layers.Conv2D(16, 3, activation="relu")),
    layers.TimeDistributed(layers.MaxPooling2D(2)),
    layers.TimeDistributed(layers.GlobalAveragePooling2D()),
    layers.LSTM(32),
    layers.Dense(5, activation="softmax"),
], name="video_classifier")
model.summary()
`,
    expected: {
      name: 'video_classifier',
      totals: { params: 6885, trainable: 6885, nonTrainable: 0 },
      rows: [
        { name: 'time_distributed', type: 'TimeDistributed', outputShape: [null, 10, 30, 30, 16], params: 448 },
        { name: 'time_distributed_1', type: 'TimeDistributed', outputShape: [null, 10, 15, 15, 16], params: 0 },
        { name: 'time_distributed_2', type: 'TimeDistributed', outputShape: [null, 10, 16], params: 0 },
        { name: 'lstm', type: 'LSTM', outputShape: [null, 32], params: 6272 },
        { name: 'dense', type: 'Dense', outputShape: [null, 5], params: 165 },
      ],
    },
    arithmetic:
      'time_distributed: 16 × (3 × 3 × 3 + 1) = 448; lstm: 4 × (16 × 32 + 32 × 32 + 32) = 6,272; dense: 32 × 5 + 5 = 165; total: 6,885',
  },
  {
    id: 'time-distributed-dense-tagger',
    form: 'TimeDistributed(Dense) per time step after a GRU with return_sequences; import tensorflow as tf',
    source: 'Géron, Hands-On Machine Learning 3e, ch. 15 (processing sequences using RNNs)',
    code: `import tensorflow as tf

n_steps_ahead = 10
model = tf.keras.Sequential([
    tf.keras.layers.GRU(32, return_sequences=True, input_shape=[None, 5]),
    tf.keras.layers.GRU(32, return_sequences=True),
    tf.keras.layers.TimeDistributed(tf.keras.layers.Dense(n_steps_ahead)),
])
model.compile(loss="mse", optimizer=tf.keras.optimizers.Adam(learning_rate=0.01))
model.summary()
`,
    expected: {
      name: 'sequential',
      totals: { params: 10410, trainable: 10410, nonTrainable: 0 },
      rows: [
        { name: 'gru', type: 'GRU', outputShape: [null, null, 32], params: 3744 },
        { name: 'gru_1', type: 'GRU', outputShape: [null, null, 32], params: 6336 },
        { name: 'time_distributed', type: 'TimeDistributed', outputShape: [null, null, 10], params: 330 },
      ],
    },
    arithmetic:
      'gru: 3 × (5 × 32 + 32 × 32 + 2 × 32) = 3,744; gru_1: 3 × (32 × 32 + 32 × 32 + 2 × 32) = 6,336; time_distributed: 32 × 10 + 10 = 330; total: 10,410',
  },
  {
    id: 'timeseries-lstm-jena',
    form: 'keras.Input with a tuple computed from module values (sequence_length, raw_data.shape[-1] as a constant); LSTM',
    source: 'Chollet, Deep Learning with Python 2e, ch. 10 (timeseries forecasting)',
    code: `import keras
from keras import layers

sampling_rate = 6
sequence_length = 120
num_features = 14

inputs = keras.Input(shape=(sequence_length, num_features))
x = layers.LSTM(16)(inputs)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)

callbacks = [keras.callbacks.ModelCheckpoint("jena_lstm.keras", save_best_only=True)]
model.compile(optimizer="rmsprop", loss="mse", metrics=["mae"])
model.summary()
history = model.fit(train_dataset, epochs=10, validation_data=val_dataset, callbacks=callbacks)
print(f"Test MAE: {model.evaluate(test_dataset)[1]:.2f}")
`,
    expected: {
      name: 'functional',
      totals: { params: 2001, trainable: 2001, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 120, 14], params: 0 },
        { name: 'lstm', type: 'LSTM', outputShape: [null, 16], params: 1984 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 17 },
      ],
    },
    arithmetic: 'lstm: 4 × (14 × 16 + 16 × 16 + 16) = 1,984; dense: 16 × 1 + 1 = 17; total: 2,001',
  },
  {
    id: 'mobilenetv2-transfer-frozen-base',
    form: 'keras.applications.MobileNetV2(input_shape=..., include_top=False, weights=None); base.trainable = False; base called on a tensor with training=False',
    source:
      'https://www.tensorflow.org/tutorials/images/transfer_learning (printed summary: 2,259,265 total, 1,281 trainable, 2,257,984 non-trainable)',
    code: `import tensorflow as tf

BATCH_SIZE = 32
IMG_SIZE = (160, 160)
IMG_SHAPE = IMG_SIZE + (3,)

base_model = tf.keras.applications.MobileNetV2(input_shape=IMG_SHAPE,
                                               include_top=False,
                                               weights=None)
base_model.trainable = False

global_average_layer = tf.keras.layers.GlobalAveragePooling2D()
prediction_layer = tf.keras.layers.Dense(1)

inputs = tf.keras.Input(shape=(160, 160, 3))
x = tf.keras.layers.Rescaling(1./127.5, offset=-1)(inputs)
x = base_model(x, training=False)
x = global_average_layer(x)
x = tf.keras.layers.Dropout(0.2)(x)
outputs = prediction_layer(x)
model = tf.keras.Model(inputs, outputs)

base_learning_rate = 0.0001
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=base_learning_rate),
              loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=[tf.keras.metrics.BinaryAccuracy(threshold=0, name='accuracy')])
model.summary()
initial_epochs = 10
history = model.fit(train_dataset, epochs=initial_epochs, validation_data=validation_dataset)
`,
    expected: {
      models: 2,
      name: 'functional',
      totals: { params: 2259265, trainable: 1281, nonTrainable: 2257984 },
      rows: [
        { name: 'input_layer_1', type: 'InputLayer', outputShape: [null, 160, 160, 3], params: 0 },
        { name: 'rescaling', type: 'Rescaling', outputShape: [null, 160, 160, 3], params: 0 },
        { name: 'mobilenetv2_1.00_160', type: 'Functional', outputShape: [null, 5, 5, 1280], params: 2257984 },
        { name: 'global_average_pooling2d', type: 'GlobalAveragePooling2D', outputShape: [null, 1280], params: 0 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 1280], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 1281 },
      ],
    },
    arithmetic:
      'mobilenetv2_1.00_160: MobileNetV2 without its top = 3,538,984 − (1,280 × 1,000 + 1,000) = 2,257,984 (Keras applications table: 3,538,984 with the top), all non-trainable after base_model.trainable = False; dense: 1,280 × 1 + 1 = 1,281; total: 2,259,265 (trainable 1,281, non-trainable 2,257,984); names: the application builds its own keras.Input first, which takes input_layer, so the outer Input is input_layer_1',
  },
  {
    id: 'mobilenetv2-fine-tune-slice',
    form: 'fine-tuning: base.trainable = True, then for layer in base.layers[:fine_tune_at]: layer.trainable = False',
    source:
      'https://www.tensorflow.org/tutorials/images/transfer_learning (fine-tuning section, printed summary: 2,259,265 total, 1,862,721 trainable, 396,544 non-trainable)',
    code: `import tensorflow as tf

IMG_SHAPE = (160, 160, 3)
base_model = tf.keras.applications.MobileNetV2(input_shape=IMG_SHAPE, include_top=False, weights=None)
base_model.trainable = False

inputs = tf.keras.Input(shape=(160, 160, 3))
x = tf.keras.layers.Rescaling(1./127.5, offset=-1)(inputs)
x = base_model(x, training=False)
x = tf.keras.layers.GlobalAveragePooling2D()(x)
x = tf.keras.layers.Dropout(0.2)(x)
outputs = tf.keras.layers.Dense(1)(x)
model = tf.keras.Model(inputs, outputs)

base_model.trainable = True
print("Number of layers in the base model: ", len(base_model.layers))

# Fine-tune from this layer onwards
fine_tune_at = 100

# Freeze all the layers before the \`fine_tune_at\` layer
for layer in base_model.layers[:fine_tune_at]:
    layer.trainable = False

model.compile(loss=tf.keras.losses.BinaryCrossentropy(from_logits=True),
              optimizer=tf.keras.optimizers.RMSprop(learning_rate=1e-5),
              metrics=[tf.keras.metrics.BinaryAccuracy(threshold=0, name='accuracy')])
model.summary()
`,
    expected: {
      models: 2,
      name: 'functional',
      totals: { params: 2259265, trainable: 1862721, nonTrainable: 396544 },
      rows: [
        { name: 'input_layer_1', type: 'InputLayer', outputShape: [null, 160, 160, 3], params: 0 },
        { name: 'rescaling', type: 'Rescaling', outputShape: [null, 160, 160, 3], params: 0 },
        { name: 'mobilenetv2_1.00_160', type: 'Functional', outputShape: [null, 5, 5, 1280], params: 2257984 },
        { name: 'global_average_pooling2d', type: 'GlobalAveragePooling2D', outputShape: [null, 1280], params: 0 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 1280], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 1281 },
      ],
    },
    arithmetic:
      'mobilenetv2_1.00_160: 2,257,984 (as in mobilenetv2-transfer-frozen-base); freezing layers 0–99 leaves 1,861,440 trainable (layers 100–153: blocks 11–16, Conv_1 and their BatchNormalization gamma/beta) and 396,544 non-trainable (all BatchNormalization moving statistics, 34,112, plus the weights of layers 0–99, 362,432); dense: 1,280 × 1 + 1 = 1,281; total: 2,259,265 (trainable 1,861,440 + 1,281 = 1,862,721); names: the application builds its own keras.Input first, which takes input_layer, so the outer Input is input_layer_1',
  },
  {
    id: 'vgg16-feature-extraction-sequential',
    form: 'keras.applications.VGG16(weights=None, include_top=False, input_shape=...) as the first layer of a Sequential; conv_base.trainable = False',
    source: 'Chollet, Deep Learning with Python 1e, ch. 5 (using a pretrained convnet; printed summary 16,812,353 total)',
    code: `from keras import models
from keras import layers
from keras.applications import VGG16

conv_base = VGG16(weights=None,
                  include_top=False,
                  input_shape=(150, 150, 3))

model = models.Sequential()
model.add(conv_base)
model.add(layers.Flatten())
model.add(layers.Dense(256, activation='relu'))
model.add(layers.Dense(1, activation='sigmoid'))

print('Trainable weights before freezing:', len(model.trainable_weights))
conv_base.trainable = False
print('Trainable weights after freezing:', len(model.trainable_weights))
model.summary()
`,
    expected: {
      models: 2,
      name: 'sequential',
      totals: { params: 16812353, trainable: 2097665, nonTrainable: 14714688 },
      rows: [
        { name: 'vgg16', type: 'Functional', outputShape: [null, 4, 4, 512], params: 14714688 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 8192], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 256], params: 2097408 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 1], params: 257 },
      ],
    },
    arithmetic:
      'vgg16: 13 conv layers 1,792 + 36,928 + 73,856 + 147,584 + 295,168 + 590,080 × 2 + 1,180,160 + 2,359,808 × 2 + 2,359,808 × 3 = 14,714,688 (150 → 4 after five 2 × 2 pools), all non-trainable; flatten: 4 × 4 × 512 = 8,192 values; dense: 8,192 × 256 + 256 = 2,097,408; dense_1: 256 × 1 + 1 = 257; total: 16,812,353 (trainable 2,097,665); shapes: vgg16 (None, 4, 4, 512) → flatten (None, 8192)',
  },
  {
    id: 'vgg16-include-top-classes',
    form: 'keras.applications.VGG16(weights=None, include_top=True, input_shape=(32, 32, 3), classes=10) summarised on its own',
    source: 'https://keras.io/api/applications/vgg/',
    code: `import keras

model = keras.applications.VGG16(
    include_top=True,
    weights=None,
    input_shape=(32, 32, 3),
    classes=10,
    classifier_activation="softmax",
)
model.compile(optimizer="sgd", loss="sparse_categorical_crossentropy")
model.summary()
`,
    expected: {
      name: 'vgg16',
      totals: { params: 33638218, trainable: 33638218, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 32, 32, 3], params: 0 },
        { name: 'block1_conv1', type: 'Conv2D', outputShape: [null, 32, 32, 64], params: 1792 },
        { name: 'block1_conv2', type: 'Conv2D', outputShape: [null, 32, 32, 64], params: 36928 },
        { name: 'block1_pool', type: 'MaxPooling2D', outputShape: [null, 16, 16, 64], params: 0 },
        { name: 'block2_conv1', type: 'Conv2D', outputShape: [null, 16, 16, 128], params: 73856 },
        { name: 'block2_conv2', type: 'Conv2D', outputShape: [null, 16, 16, 128], params: 147584 },
        { name: 'block2_pool', type: 'MaxPooling2D', outputShape: [null, 8, 8, 128], params: 0 },
        { name: 'block3_conv1', type: 'Conv2D', outputShape: [null, 8, 8, 256], params: 295168 },
        { name: 'block3_conv2', type: 'Conv2D', outputShape: [null, 8, 8, 256], params: 590080 },
        { name: 'block3_conv3', type: 'Conv2D', outputShape: [null, 8, 8, 256], params: 590080 },
        { name: 'block3_pool', type: 'MaxPooling2D', outputShape: [null, 4, 4, 256], params: 0 },
        { name: 'block4_conv1', type: 'Conv2D', outputShape: [null, 4, 4, 512], params: 1180160 },
        { name: 'block4_conv2', type: 'Conv2D', outputShape: [null, 4, 4, 512], params: 2359808 },
        { name: 'block4_conv3', type: 'Conv2D', outputShape: [null, 4, 4, 512], params: 2359808 },
        { name: 'block4_pool', type: 'MaxPooling2D', outputShape: [null, 2, 2, 512], params: 0 },
        { name: 'block5_conv1', type: 'Conv2D', outputShape: [null, 2, 2, 512], params: 2359808 },
        { name: 'block5_conv2', type: 'Conv2D', outputShape: [null, 2, 2, 512], params: 2359808 },
        { name: 'block5_conv3', type: 'Conv2D', outputShape: [null, 2, 2, 512], params: 2359808 },
        { name: 'block5_pool', type: 'MaxPooling2D', outputShape: [null, 1, 1, 512], params: 0 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 512], params: 0 },
        { name: 'fc1', type: 'Dense', outputShape: [null, 4096], params: 2101248 },
        { name: 'fc2', type: 'Dense', outputShape: [null, 4096], params: 16781312 },
        { name: 'predictions', type: 'Dense', outputShape: [null, 10], params: 40970 },
      ],
    },
    arithmetic:
      'block1_conv1: 64 × (3 × 3 × 3 + 1) = 1,792; block1_conv2: 64 × (3 × 3 × 64 + 1) = 36,928; block2_conv1: 128 × (3 × 3 × 64 + 1) = 73,856; block2_conv2: 128 × (3 × 3 × 128 + 1) = 147,584; block3_conv1: 256 × (3 × 3 × 128 + 1) = 295,168; block3_conv2: 256 × (3 × 3 × 256 + 1) = 590,080; block3_conv3: 590,080; block4_conv1: 512 × (3 × 3 × 256 + 1) = 1,180,160; block4_conv2: 512 × (3 × 3 × 512 + 1) = 2,359,808; block4_conv3: 2,359,808; block5_conv1: 2,359,808; block5_conv2: 2,359,808; block5_conv3: 2,359,808; flatten: 1 × 1 × 512 = 512 values (32 → 1 after five pools); fc1: 512 × 4,096 + 4,096 = 2,101,248; fc2: 4,096 × 4,096 + 4,096 = 16,781,312; predictions: 4,096 × 10 + 10 = 40,970; total: 33,638,218',
  },
  {
    id: 'resnet50-pooling-avg-head',
    form: 'keras.applications.ResNet50(weights=None, include_top=False, pooling="avg", input_shape=...) nested in a functional model; base.trainable = False',
    source: 'https://keras.io/guides/transfer_learning/',
    code: `import keras
from keras import layers

base_model = keras.applications.ResNet50(
    weights=None,
    input_shape=(224, 224, 3),
    include_top=False,
    pooling="avg",
)
base_model.trainable = False

inputs = keras.Input(shape=(224, 224, 3))
x = base_model(inputs, training=False)
x = layers.Dropout(0.2)(x)
outputs = layers.Dense(5, activation="softmax")(x)
model = keras.Model(inputs, outputs)
model.summary()
model.compile(optimizer=keras.optimizers.Adam(), loss="categorical_crossentropy", metrics=["accuracy"])
`,
    expected: {
      models: 2,
      name: 'functional',
      totals: { params: 23597957, trainable: 10245, nonTrainable: 23587712 },
      rows: [
        { name: 'input_layer_1', type: 'InputLayer', outputShape: [null, 224, 224, 3], params: 0 },
        { name: 'resnet50', type: 'Functional', outputShape: [null, 2048], params: 23587712 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 2048], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 5], params: 10245 },
      ],
    },
    arithmetic:
      'resnet50: ResNet50 without its top = 25,636,712 − (2,048 × 1,000 + 1,000) = 23,587,712 (Keras applications table), all non-trainable after base_model.trainable = False; dense: 2,048 × 5 + 5 = 10,245; total: 23,597,957 (trainable 10,245, non-trainable 23,587,712); names: the application builds its own keras.Input first, which takes input_layer, so the outer Input is input_layer_1',
  },
  {
    id: 'efficientnetb0-new-head-no-summary',
    form: 'from keras.applications import EfficientNetB0; include_top=False, weights=None, input_shape=...; base.trainable = False; new BatchNormalization + Dense head; no .summary() call, so the expected model is the last one built',
    source: 'https://keras.io/examples/vision/image_classification_efficientnet_fine_tuning/',
    code: `import keras
from keras import layers
from keras.applications import EfficientNetB0

IMG_SIZE = 224
NUM_CLASSES = 120

base = EfficientNetB0(include_top=False, weights=None, input_shape=(IMG_SIZE, IMG_SIZE, 3))
base.trainable = False

inputs = layers.Input(shape=(IMG_SIZE, IMG_SIZE, 3))
x = base(inputs, training=False)
x = layers.GlobalAveragePooling2D(name="avg_pool")(x)
x = layers.BatchNormalization()(x)
top_dropout_rate = 0.2
x = layers.Dropout(top_dropout_rate, name="top_dropout")(x)
outputs = layers.Dense(NUM_CLASSES, activation="softmax", name="pred")(x)

model = keras.Model(inputs, outputs, name="EfficientNet")
optimizer = keras.optimizers.Adam(learning_rate=1e-2)
model.compile(optimizer=optimizer, loss="categorical_crossentropy", metrics=["accuracy"])
print(model.count_params())
`,
    expected: {
      models: 2,
      name: 'EfficientNet',
      totals: { params: 4208411, trainable: 156280, nonTrainable: 4052131 },
      rows: [
        { name: 'input_layer_1', type: 'InputLayer', outputShape: [null, 224, 224, 3], params: 0 },
        { name: 'efficientnetb0', type: 'Functional', outputShape: [null, 7, 7, 1280], params: 4049571 },
        { name: 'avg_pool', type: 'GlobalAveragePooling2D', outputShape: [null, 1280], params: 0 },
        { name: 'batch_normalization', type: 'BatchNormalization', outputShape: [null, 1280], params: 5120 },
        { name: 'top_dropout', type: 'Dropout', outputShape: [null, 1280], params: 0 },
        { name: 'pred', type: 'Dense', outputShape: [null, 120], params: 153720 },
      ],
    },
    arithmetic:
      'efficientnetb0: EfficientNetB0 without its top = 5,330,571 − (1,280 × 1,000 + 1,000) = 4,049,571 (Keras applications table: 5,330,571 with the top), all non-trainable after base.trainable = False; batch_normalization: 4 × 1,280 = 5,120 (2,560 trainable, 2,560 non-trainable); pred: 1,280 × 120 + 120 = 153,720; total: 4,049,571 + 5,120 + 153,720 = 4,208,411 (trainable 2,560 + 153,720 = 156,280); names: the application builds its own keras.Input first, which takes input_layer, so the outer Input is input_layer_1',
  },
  {
    id: 'residual-block-helper-positional-keyword',
    form: 'helper function with positional, keyword and default arguments that returns a block; if on a static argument (pooling, filters change); called in a for loop over a literal list',
    source: 'Chollet, Deep Learning with Python 2e, ch. 9 (residual connections)',
    code: `import keras
from keras import layers


def residual_block(x, filters, pooling=False):
    residual = x
    x = layers.Conv2D(filters, 3, activation="relu", padding="same")(x)
    x = layers.Conv2D(filters, 3, activation="relu", padding="same")(x)
    if pooling:
        x = layers.MaxPooling2D(2, padding="same")(x)
        residual = layers.Conv2D(filters, 1, strides=2)(residual)
    elif filters != residual.shape[-1]:
        residual = layers.Conv2D(filters, 1)(residual)
    x = layers.add([x, residual])
    return x


inputs = keras.Input(shape=(32, 32, 3))
x = layers.Rescaling(1.0 / 255)(inputs)
for filters, pool in [(32, True), (64, True)]:
    x = residual_block(x, filters, pooling=pool)
x = residual_block(x, filters=128)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.summary()
`,
    expected: {
      name: 'functional',
      totals: { params: 297697, trainable: 297697, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 32, 32, 3], params: 0 },
        { name: 'rescaling', type: 'Rescaling', outputShape: [null, 32, 32, 3], params: 0 },
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 32, 32, 32], params: 896 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 32, 32, 32], params: 9248 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 16, 16, 32], params: 0 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 16, 16, 32], params: 128 },
        { name: 'add', type: 'Add', outputShape: [null, 16, 16, 32], params: 0 },
        { name: 'conv2d_3', type: 'Conv2D', outputShape: [null, 16, 16, 64], params: 18496 },
        { name: 'conv2d_4', type: 'Conv2D', outputShape: [null, 16, 16, 64], params: 36928 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 8, 8, 64], params: 0 },
        { name: 'conv2d_5', type: 'Conv2D', outputShape: [null, 8, 8, 64], params: 2112 },
        { name: 'add_1', type: 'Add', outputShape: [null, 8, 8, 64], params: 0 },
        { name: 'conv2d_6', type: 'Conv2D', outputShape: [null, 8, 8, 128], params: 73856 },
        { name: 'conv2d_7', type: 'Conv2D', outputShape: [null, 8, 8, 128], params: 147584 },
        { name: 'conv2d_8', type: 'Conv2D', outputShape: [null, 8, 8, 128], params: 8320 },
        { name: 'add_2', type: 'Add', outputShape: [null, 8, 8, 128], params: 0 },
        { name: 'global_average_pooling2d', type: 'GlobalAveragePooling2D', outputShape: [null, 128], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 129 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 3 + 1) = 896; conv2d_1: 32 × (3 × 3 × 32 + 1) = 9,248; conv2d_2: 32 × (1 × 1 × 3 + 1) = 128; conv2d_3: 64 × (3 × 3 × 32 + 1) = 18,496; conv2d_4: 64 × (3 × 3 × 64 + 1) = 36,928; conv2d_5: 64 × (1 × 1 × 32 + 1) = 2,112; conv2d_6: 128 × (3 × 3 × 64 + 1) = 73,856; conv2d_7: 128 × (3 × 3 × 128 + 1) = 147,584; conv2d_8: 128 × (1 × 1 × 64 + 1) = 8,320; dense: 128 × 1 + 1 = 129; total: 297,697',
  },
  {
    id: 'build-model-helper-defaults-geron',
    form: 'helper that builds the whole model, default arguments overridden by keyword; for over range(n_hidden); input_shape=[8] as a list',
    source: 'Géron, Hands-On Machine Learning 3e, ch. 10 (fine-tuning neural network hyperparameters)',
    code: `import tensorflow as tf


def build_model(n_hidden=1, n_neurons=30, learning_rate=3e-3, input_shape=[8]):
    model = tf.keras.models.Sequential()
    model.add(tf.keras.layers.InputLayer(shape=input_shape))
    for layer in range(n_hidden):
        model.add(tf.keras.layers.Dense(n_neurons, activation="relu"))
    model.add(tf.keras.layers.Dense(1))
    optimizer = tf.keras.optimizers.SGD(learning_rate=learning_rate)
    model.compile(loss="mse", optimizer=optimizer)
    return model


model = build_model(n_hidden=2, n_neurons=50)
model.summary()
early_stopping_cb = tf.keras.callbacks.EarlyStopping(patience=10, restore_best_weights=True)
history = model.fit(X_train, y_train, epochs=100, validation_data=(X_valid, y_valid), callbacks=[early_stopping_cb])
`,
    expected: {
      name: 'sequential',
      totals: { params: 3051, trainable: 3051, nonTrainable: 0 },
      rows: [
        { name: 'dense', type: 'Dense', outputShape: [null, 50], params: 450 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 50], params: 2550 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 1], params: 51 },
      ],
    },
    arithmetic: 'dense: 8 × 50 + 50 = 450; dense_1: 50 × 50 + 50 = 2,550; dense_2: 50 × 1 + 1 = 51; total: 3,051',
  },
  {
    id: 'mnist-cnn-helper-positional-args',
    form: 'classic MNIST CNN built by a helper with positional arguments (input_shape, num_classes) and a for loop over zip of filter and pool lists',
    source: 'https://www.tensorflow.org/tutorials/images/cnn',
    code: `import keras
from keras import layers


def make_cnn(input_shape, num_classes, filters=(32, 64, 64), pools=(True, True, False)):
    model = keras.Sequential(name="mnist_cnn")
    model.add(keras.Input(shape=input_shape))
    for f, pool in zip(filters, pools):
        model.add(layers.Conv2D(f, (3, 3), activation="relu"))
        if pool:
            model.add(layers.MaxPooling2D((2, 2)))
    model.add(layers.Flatten())
    model.add(layers.Dense(64, activation="relu"))
    model.add(layers.Dense(num_classes))
    return model


cnn = make_cnn((28, 28, 1), 10)
cnn.summary()
cnn.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
`,
    expected: {
      name: 'mnist_cnn',
      totals: { params: 93322, trainable: 93322, nonTrainable: 0 },
      rows: [
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 26, 26, 32], params: 320 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 13, 13, 32], params: 0 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 11, 11, 64], params: 18496 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 5, 5, 64], params: 0 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 3, 3, 64], params: 36928 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 576], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 36928 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 650 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 1 + 1) = 320; conv2d_1: 64 × (3 × 3 × 32 + 1) = 18,496; conv2d_2: 64 × (3 × 3 × 64 + 1) = 36,928; flatten: 3 × 3 × 64 = 576 values; dense: 576 × 64 + 64 = 36,928; dense_1: 64 × 10 + 10 = 650; total: 93,322',
  },
  {
    id: 'enumerate-blocks-named',
    form: 'for i, units in enumerate([...]) with f-string names; if i > 0 adds Dropout only after the first block',
    source: 'https://keras.io/examples/structured_data/structured_data_classification_with_feature_space/',
    code: `import keras
from keras import layers

hidden = [64, 32, 16]
dropout = 0.3

inputs = keras.Input(shape=(24,), name="features")
x = inputs
for i, units in enumerate(hidden):
    x = layers.Dense(units, activation="relu", name=f"dense_block_{i + 1}")(x)
    if i > 0:
        x = layers.Dropout(dropout)(x)
outputs = layers.Dense(1, activation="sigmoid", name="target")(x)
model = keras.Model(inputs, outputs, name="tabular_mlp")
model.summary()
`,
    expected: {
      name: 'tabular_mlp',
      totals: { params: 4225, trainable: 4225, nonTrainable: 0 },
      rows: [
        { name: 'features', type: 'InputLayer', outputShape: [null, 24], params: 0 },
        { name: 'dense_block_1', type: 'Dense', outputShape: [null, 64], params: 1600 },
        { name: 'dense_block_2', type: 'Dense', outputShape: [null, 32], params: 2080 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 32], params: 0 },
        { name: 'dense_block_3', type: 'Dense', outputShape: [null, 16], params: 528 },
        { name: 'dropout_1', type: 'Dropout', outputShape: [null, 16], params: 0 },
        { name: 'target', type: 'Dense', outputShape: [null, 1], params: 17 },
      ],
    },
    arithmetic:
      'dense_block_1: 24 × 64 + 64 = 1,600; dense_block_2: 64 × 32 + 32 = 2,080; dense_block_3: 32 × 16 + 16 = 528; target: 16 × 1 + 1 = 17; total: 4,225',
  },
  {
    id: 'static-if-use-batchnorm',
    form: 'if on module-level static values (USE_BN = True, DROPOUT = 0.0) choosing which layers are added',
    source: 'Géron, Hands-On Machine Learning 3e, ch. 11 (batch normalization)',
    code: `import keras

USE_BN = True
DROPOUT = 0.0
n_units = [300, 100]

model = keras.Sequential()
model.add(keras.layers.Input(shape=(28, 28)))
model.add(keras.layers.Flatten())
for n in n_units:
    if USE_BN:
        model.add(keras.layers.Dense(n, use_bias=False))
        model.add(keras.layers.BatchNormalization())
        model.add(keras.layers.Activation("relu"))
    else:
        model.add(keras.layers.Dense(n, activation="relu"))
    if DROPOUT > 0:
        model.add(keras.layers.Dropout(DROPOUT))
model.add(keras.layers.Dense(10, activation="softmax"))
model.summary()
`,
    expected: {
      name: 'sequential',
      totals: { params: 267810, trainable: 267010, nonTrainable: 800 },
      rows: [
        { name: 'flatten', type: 'Flatten', outputShape: [null, 784], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 300], params: 235200 },
        { name: 'batch_normalization', type: 'BatchNormalization', outputShape: [null, 300], params: 1200 },
        { name: 'activation', type: 'Activation', outputShape: [null, 300], params: 0 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 100], params: 30000 },
        { name: 'batch_normalization_1', type: 'BatchNormalization', outputShape: [null, 100], params: 400 },
        { name: 'activation_1', type: 'Activation', outputShape: [null, 100], params: 0 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 10], params: 1010 },
      ],
    },
    arithmetic:
      'dense: 784 × 300 (no bias) = 235,200; batch_normalization: 4 × 300 = 1,200 (600 trainable, 600 non-trainable); dense_1: 300 × 100 (no bias) = 30,000; batch_normalization_1: 4 × 100 = 400 (200 trainable, 200 non-trainable); dense_2: 100 × 10 + 10 = 1,010; total: 267,810 (trainable 267,010, non-trainable 800)',
  },
  {
    id: 'freeze-single-layer-trainable-false',
    form: 'freezing one layer: model.layers[0].trainable = False and a layer variable emb.trainable = False',
    source: 'https://keras.io/guides/transfer_learning/',
    code: `import keras
from keras import layers

emb = layers.Embedding(input_dim=5000, output_dim=50)
model = keras.Sequential([
    keras.Input(shape=(100,)),
    emb,
    layers.Conv1D(32, 7, activation="relu"),
    layers.GlobalMaxPooling1D(),
    layers.Dense(1, activation="sigmoid"),
])
# Pretend the embedding holds pretrained vectors
emb.trainable = False
model.layers[1].trainable = False
model.compile(optimizer="adam", loss="binary_crossentropy")
model.summary()
`,
    expected: {
      name: 'sequential',
      totals: { params: 261265, trainable: 33, nonTrainable: 261232 },
      rows: [
        { name: 'embedding', type: 'Embedding', outputShape: [null, 100, 50], params: 250000 },
        { name: 'conv1d', type: 'Conv1D', outputShape: [null, 94, 32], params: 11232 },
        { name: 'global_max_pooling1d', type: 'GlobalMaxPooling1D', outputShape: [null, 32], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 33 },
      ],
    },
    arithmetic:
      'embedding: 5,000 × 50 = 250,000, non-trainable after emb.trainable = False; conv1d: 7 × 50 × 32 + 32 = 11,232 (model.layers[1] is the Conv1D: the Input is not in model.layers) also non-trainable; dense: 32 × 1 + 1 = 33; total: 261,265 (trainable 33, non-trainable 261,232)',
  },
  {
    id: 'custom-linear-layer-add-weight',
    form: 'a custom Layer subclass whose build calls self.add_weight(shape=...) for a kernel and a bias; used in a Sequential',
    source: 'https://keras.io/guides/making_new_layers_and_models_via_subclassing/',
    code: `import keras
from keras import layers, ops


class Linear(keras.layers.Layer):
    def __init__(self, units=32, **kwargs):
        super().__init__(**kwargs)
        self.units = units

    def build(self, input_shape):
        self.w = self.add_weight(
            shape=(input_shape[-1], self.units),
            initializer="random_normal",
            trainable=True,
        )
        self.b = self.add_weight(shape=(self.units,), initializer="zeros", trainable=True)

    def call(self, inputs):
        return ops.matmul(inputs, self.w) + self.b


model = keras.Sequential([
    keras.Input(shape=(16,)),
    Linear(32),
    layers.Activation("relu"),
    Linear(units=4),
])
model.summary()
`,
    expected: {
      name: 'sequential',
      totals: { params: 676, trainable: 676, nonTrainable: 0 },
      rows: [
        { name: 'linear', type: 'Linear', outputShape: [null, 32], params: 544 },
        { name: 'activation', type: 'Activation', outputShape: [null, 32], params: 0 },
        { name: 'linear_1', type: 'Linear', outputShape: [null, 4], params: 132 },
      ],
    },
    arithmetic: 'linear: w 16 × 32 + b 32 = 544; linear_1: w 32 × 4 + b 4 = 132; total: 676',
  },
  {
    id: 'custom-layer-non-trainable-weight',
    form: 'a custom Layer subclass with a trainable scale vector and a non-trainable counter from add_weight(..., trainable=False); functional use',
    source: 'https://keras.io/guides/making_new_layers_and_models_via_subclassing/',
    code: `import keras
from keras import layers, ops


class ScaledSum(layers.Layer):
    def build(self, input_shape):
        self.scale = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="scale")
        self.calls = self.add_weight(shape=(), initializer="zeros", trainable=False, name="calls")

    def call(self, x):
        self.calls.assign_add(1.0)
        return x * self.scale


inputs = keras.Input(shape=(10,))
h = layers.Dense(8)(inputs)
h = ScaledSum()(h)
outputs = layers.Dense(2)(h)
model = keras.Model(inputs, outputs)
model.summary()
`,
    expected: {
      name: 'functional',
      totals: { params: 115, trainable: 114, nonTrainable: 1 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 10], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 8], params: 88 },
        { name: 'scaled_sum', type: 'ScaledSum', outputShape: [null, 8], params: 9 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 2], params: 18 },
      ],
    },
    arithmetic:
      'dense: 10 × 8 + 8 = 88; scaled_sum: scale 8 (trainable) + calls 1 (shape (), non-trainable) = 9; dense_1: 8 × 2 + 2 = 18; total: 115 (trainable 114, non-trainable 1)',
  },
  {
    id: 'simple-rnn-embedding-imdb',
    form: 'Sequential list with Embedding and SimpleRNN, no input (summary after build via model.build((None, maxlen)))',
    source: 'Chollet, Deep Learning with Python 1e, ch. 6 (understanding recurrent neural networks)',
    code: `from keras.models import Sequential
from keras.layers import Embedding, SimpleRNN, Dense

max_features = 10000
maxlen = 500

model = Sequential()
model.add(Embedding(max_features, 32))
model.add(SimpleRNN(32))
model.add(Dense(1, activation='sigmoid'))
model.build((None, maxlen))
model.compile(optimizer='rmsprop', loss='binary_crossentropy', metrics=['acc'])
model.summary()
`,
    expected: {
      name: 'sequential',
      totals: { params: 322113, trainable: 322113, nonTrainable: 0 },
      rows: [
        { name: 'embedding', type: 'Embedding', outputShape: [null, 500, 32], params: 320000 },
        { name: 'simple_rnn', type: 'SimpleRNN', outputShape: [null, 32], params: 2080 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 33 },
      ],
    },
    arithmetic: 'embedding: 10,000 × 32 = 320,000; simple_rnn: 32 × 32 + 32 × 32 + 32 = 2,080; dense: 32 × 1 + 1 = 33; total: 322,113',
  },
  {
    id: 'cifar10-cnn-dropout-padding-same',
    form: 'import tensorflow as tf; from tensorflow.keras import layers, models; Sequential list with input_shape= and padding="same"',
    source: 'https://www.tensorflow.org/tutorials/images/cnn',
    code: `import tensorflow as tf
from tensorflow.keras import datasets, layers, models
import matplotlib.pyplot as plt

(train_images, train_labels), (test_images, test_labels) = datasets.cifar10.load_data()
train_images, test_images = train_images / 255.0, test_images / 255.0

model = models.Sequential([
    layers.Conv2D(32, (3, 3), padding="same", activation="relu", input_shape=(32, 32, 3)),
    layers.Conv2D(32, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Dropout(0.25),
    layers.Conv2D(64, (3, 3), padding="same", activation="relu"),
    layers.Conv2D(64, (3, 3), activation="relu"),
    layers.MaxPooling2D((2, 2)),
    layers.Dropout(0.25),
    layers.Flatten(),
    layers.Dense(512, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(10),
])
model.summary()
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])
history = model.fit(train_images, train_labels, epochs=10, validation_data=(test_images, test_labels))
plt.plot(history.history["accuracy"], label="accuracy")
`,
    expected: {
      name: 'sequential',
      totals: { params: 1250858, trainable: 1250858, nonTrainable: 0 },
      rows: [
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 32, 32, 32], params: 896 },
        { name: 'conv2d_1', type: 'Conv2D', outputShape: [null, 30, 30, 32], params: 9248 },
        { name: 'max_pooling2d', type: 'MaxPooling2D', outputShape: [null, 15, 15, 32], params: 0 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 15, 15, 32], params: 0 },
        { name: 'conv2d_2', type: 'Conv2D', outputShape: [null, 15, 15, 64], params: 18496 },
        { name: 'conv2d_3', type: 'Conv2D', outputShape: [null, 13, 13, 64], params: 36928 },
        { name: 'max_pooling2d_1', type: 'MaxPooling2D', outputShape: [null, 6, 6, 64], params: 0 },
        { name: 'dropout_1', type: 'Dropout', outputShape: [null, 6, 6, 64], params: 0 },
        { name: 'flatten', type: 'Flatten', outputShape: [null, 2304], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 512], params: 1180160 },
        { name: 'dropout_2', type: 'Dropout', outputShape: [null, 512], params: 0 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 10], params: 5130 },
      ],
    },
    arithmetic:
      'conv2d: 32 × (3 × 3 × 3 + 1) = 896; conv2d_1: 32 × (3 × 3 × 32 + 1) = 9,248; conv2d_2: 64 × (3 × 3 × 32 + 1) = 18,496; conv2d_3: 64 × (3 × 3 × 64 + 1) = 36,928; flatten: 6 × 6 × 64 = 2,304 values (32 → 30 → 15 → 13 → 6); dense: 2,304 × 512 + 512 = 1,180,160; dense_1: 512 × 10 + 10 = 5,130; total: 1,250,858',
  },
  {
    id: 'two-models-one-session-counters',
    form: 'two models in one script: a Sequential then a functional model; automatic names keep counting (dense_2, functional_1); summary called on the second',
    source: 'https://keras.io/guides/sequential_model/',
    code: `import keras
from keras import layers

baseline = keras.Sequential([
    keras.Input(shape=(8,)),
    layers.Dense(16, activation="relu"),
    layers.Dense(1),
])
baseline.summary()

inputs = keras.Input(shape=(8,))
x = layers.Dense(32, activation="relu")(inputs)
x = layers.Dense(32, activation="relu")(x)
outputs = layers.Dense(1)(x)
wider = keras.Model(inputs, outputs)
wider.summary()
`,
    expected: {
      models: 2,
      name: 'functional_1',
      totals: { params: 1377, trainable: 1377, nonTrainable: 0 },
      rows: [
        { name: 'input_layer_1', type: 'InputLayer', outputShape: [null, 8], params: 0 },
        { name: 'dense_2', type: 'Dense', outputShape: [null, 32], params: 288 },
        { name: 'dense_3', type: 'Dense', outputShape: [null, 32], params: 1056 },
        { name: 'dense_4', type: 'Dense', outputShape: [null, 1], params: 33 },
      ],
    },
    arithmetic:
      'dense_2: 8 × 32 + 32 = 288; dense_3: 32 × 32 + 32 = 1,056; dense_4: 32 × 1 + 1 = 33; total: 1,377 (the Sequential used dense, dense_1, input_layer and one functional number); names: the Sequential built with an Input used up input_layer and functional, so the second model is functional_1 with input input_layer_1',
  },
  {
    id: 'data-augmentation-sequential-inside-functional',
    form: 'a Sequential of preprocessing layers (no input) called on a tensor inside a functional model (nested Sequential row)',
    source: 'https://keras.io/examples/vision/image_classification_from_scratch/',
    code: `import keras
from keras import layers

image_size = (180, 180)

data_augmentation_layers = [
    layers.RandomFlip("horizontal"),
    layers.RandomRotation(0.1),
]
data_augmentation = keras.Sequential(data_augmentation_layers)

inputs = keras.Input(shape=image_size + (3,))
x = data_augmentation(inputs)
x = layers.Rescaling(1.0 / 255)(x)
x = layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
x = layers.SeparableConv2D(32, 3, padding="same", activation="relu")(x)
x = layers.GlobalAveragePooling2D()(x)
outputs = layers.Dense(1)(x)
model = keras.Model(inputs, outputs)
model.summary()
keras.utils.plot_model(model, show_shapes=True)
`,
    expected: {
      models: 2,
      name: 'functional_1',
      totals: { params: 1169, trainable: 1169, nonTrainable: 0 },
      rows: [
        { name: 'input_layer', type: 'InputLayer', outputShape: [null, 180, 180, 3], params: 0 },
        { name: 'sequential', type: 'Sequential', outputShape: [null, 180, 180, 3], params: 0 },
        { name: 'rescaling', type: 'Rescaling', outputShape: [null, 180, 180, 3], params: 0 },
        { name: 'conv2d', type: 'Conv2D', outputShape: [null, 90, 90, 16], params: 448 },
        { name: 'separable_conv2d', type: 'SeparableConv2D', outputShape: [null, 90, 90, 32], params: 688 },
        { name: 'global_average_pooling2d', type: 'GlobalAveragePooling2D', outputShape: [null, 32], params: 0 },
        { name: 'dense', type: 'Dense', outputShape: [null, 1], params: 33 },
      ],
    },
    arithmetic:
      'conv2d: 16 × (3 × 3 × 3 + 1) = 448; separable_conv2d: 3 × 3 × 16 + 16 × 32 + 32 = 688; dense: 32 × 1 + 1 = 33; total: 1,169; names: the nested Sequential is built when first called, which uses up the name functional, so the outer model is functional_1; row order: input_layer, sequential, rescaling, …',
  },
  {
    id: 'gru-stacked-text-sequential',
    form: 'Sequential list with Embedding(mask_zero=True) and stacked GRU (reset_after default), keras.Input of an int sequence',
    source: 'https://www.tensorflow.org/text/tutorials/text_classification_rnn',
    code: `import keras
from keras import layers

VOCAB_SIZE = 1000

model = keras.Sequential([
    keras.Input(shape=(None,), dtype="int64"),
    layers.Embedding(input_dim=VOCAB_SIZE, output_dim=64, mask_zero=True),
    layers.GRU(64, return_sequences=True),
    layers.GRU(32),
    layers.Dense(64, activation="relu"),
    layers.Dropout(0.5),
    layers.Dense(1),
])
model.summary()
model.compile(loss=keras.losses.BinaryCrossentropy(from_logits=True), optimizer=keras.optimizers.Adam(1e-4), metrics=["accuracy"])
`,
    expected: {
      name: 'sequential',
      totals: { params: 100545, trainable: 100545, nonTrainable: 0 },
      rows: [
        { name: 'embedding', type: 'Embedding', outputShape: [null, null, 64], params: 64000 },
        { name: 'gru', type: 'GRU', outputShape: [null, null, 64], params: 24960 },
        { name: 'gru_1', type: 'GRU', outputShape: [null, 32], params: 9408 },
        { name: 'dense', type: 'Dense', outputShape: [null, 64], params: 2112 },
        { name: 'dropout', type: 'Dropout', outputShape: [null, 64], params: 0 },
        { name: 'dense_1', type: 'Dense', outputShape: [null, 1], params: 65 },
      ],
    },
    arithmetic:
      'embedding: 1,000 × 64 = 64,000; gru: 3 × (64 × 64 + 64 × 64 + 2 × 64) = 24,960; gru_1: 3 × (64 × 32 + 32 × 32 + 2 × 32) = 9,408; dense: 32 × 64 + 64 = 2,112; dense_1: 64 × 1 + 1 = 65; total: 100,545',
  },
];
