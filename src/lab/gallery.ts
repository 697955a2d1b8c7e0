/**
 * The model lab's gallery (issue #9): models to start from, each as the Keras 3 Python that builds
 * it. The lab loads an entry's code into its editor and reads it with `readPython` like any code a
 * reader types, so nothing here is a count: the engine works every number out from the code.
 * Titles and blurbs are UI strings (src/i18n/<locale>/lab-gallery.json, keyed by `id`).
 *
 * The code is written for this site, except where `source` names where it comes from and under
 * which license. tests/lab/gallery.test.ts checks every entry's totals against hand arithmetic and
 * the published Keras Applications figures.
 */

export interface GalleryEntry {
  /** Stable key: the i18n entry's key and the lab's URL parameter. */
  id: string;
  /** A complete Keras 3 script that builds one model and ends with `model.summary()`. */
  code: string;
  /** Where code not written for this site comes from, and its license. */
  source?: { url: string; license: string };
}

const mnistCnn = `# A small convolutional network for 28×28 grey-scale digits (MNIST):
# three 3×3 convolutions shrink the image to 3×3×64 feature maps,
# Flatten turns them into one vector of 576 numbers for the Dense layers.
import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(28, 28, 1)),
        layers.Conv2D(32, (3, 3), activation="relu"),
        layers.MaxPooling2D(2),
        layers.Conv2D(64, (3, 3), activation="relu"),
        layers.MaxPooling2D(2),
        layers.Conv2D(64, (3, 3), activation="relu"),
        layers.Flatten(),
        layers.Dense(64, activation="relu"),
        layers.Dense(10),
    ],
    name="mnist_cnn",
)

model.summary()
`;

const lenet5 = `# LeNet-5 in the form it usually takes in Keras: 32×32 grey-scale input,
# two 5×5 convolutions with average pooling, then three Dense layers.
import keras
from keras import layers

model = keras.Sequential(
    [
        keras.Input(shape=(32, 32, 1)),
        layers.Conv2D(6, (5, 5), activation="tanh"),
        layers.AveragePooling2D(2),
        layers.Conv2D(16, (5, 5), activation="tanh"),
        layers.AveragePooling2D(2),
        layers.Flatten(),
        layers.Dense(120, activation="tanh"),
        layers.Dense(84, activation="tanh"),
        layers.Dense(10, activation="softmax"),
    ],
    name="lenet5",
)

model.summary()
`;

const vgg16 = `# VGG16 as Keras Applications builds it: 13 convolutions in five blocks,
# then three Dense layers for the 1,000 ImageNet classes.
# weights=None builds the architecture without downloading trained weights;
# the parameter count is the same either way.
import keras

model = keras.applications.VGG16(
    weights=None,
    include_top=True,
    classes=1000,
)

model.summary()
`;

const resnet50 = `# ResNet50 as Keras Applications builds it: 50 layers deep, with residual
# connections (Add) around each bottleneck block and a BatchNormalization
# after every convolution.
# weights=None builds the architecture without downloading trained weights;
# the parameter count is the same either way.
import keras

model = keras.applications.ResNet50(
    weights=None,
    include_top=True,
    classes=1000,
)

model.summary()
`;

const mobilenetV2 = `# MobileNetV2 as Keras Applications builds it, at its default width:
# inverted residual blocks made of a 1×1 expansion, a 3×3 depthwise
# convolution and a 1×1 projection, each followed by BatchNormalization.
# weights=None builds the architecture without downloading trained weights;
# the parameter count is the same either way.
import keras

model = keras.applications.MobileNetV2(
    weights=None,
    include_top=True,
    classes=1000,
)

model.summary()
`;

const lstmText = `# A text classifier: each review is 200 word indices, the Embedding turns
# each index into a vector, the LSTM reads the vectors in order and the
# last Dense gives the probability that the review is positive.
import keras
from keras import layers

vocab_size = 20000  # words kept in the vocabulary
max_length = 200  # word indices per review, padded or cut to this length
embed_dim = 128

model = keras.Sequential(
    [
        keras.Input(shape=(max_length,), dtype="int32"),
        layers.Embedding(vocab_size, embed_dim),
        layers.LSTM(64),
        layers.Dense(1, activation="sigmoid"),
    ],
    name="lstm_text_classifier",
)

model.summary()
`;

const transformerEncoder = `# One Transformer encoder block over a sequence of 64 vectors of 128 numbers,
# with a small classifier on top.
import keras
from keras import layers

sequence_length = 64
embed_dim = 128
num_heads = 4
ff_dim = 256

inputs = keras.Input(shape=(sequence_length, embed_dim))

# Self-attention: query, key and value all come from the same sequence.
attention = layers.MultiHeadAttention(num_heads=num_heads, key_dim=embed_dim // num_heads)(inputs, inputs)
attention = layers.Dropout(0.1)(attention)
x = layers.LayerNormalization(epsilon=1e-6)(layers.Add()([inputs, attention]))

# Feed-forward network, applied to every position with the same weights.
ff = layers.Dense(ff_dim, activation="relu")(x)
ff = layers.Dense(embed_dim)(ff)
ff = layers.Dropout(0.1)(ff)
x = layers.LayerNormalization(epsilon=1e-6)(layers.Add()([x, ff]))

# Classifier: average over the positions, then two classes.
x = layers.GlobalAveragePooling1D()(x)
outputs = layers.Dense(2, activation="softmax")(x)

model = keras.Model(inputs, outputs, name="transformer_encoder")
model.summary()
`;

const kerasIoMnistConvnet = `# The model from keras.io's "Simple MNIST convnet" example by fchollet
# (https://keras.io/examples/vision/mnist_convnet/), Apache License 2.0.
# Only the lines that build and summarise the model; data loading and training left out.
import keras
from keras import layers

# Model / data parameters
num_classes = 10
input_shape = (28, 28, 1)

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
`;

/** In the order the lab shows them: small hand-written models, the Applications, then sequences. */
export const gallery: readonly GalleryEntry[] = [
  { id: 'mnist-cnn', code: mnistCnn },
  { id: 'lenet-5', code: lenet5 },
  { id: 'vgg16', code: vgg16 },
  { id: 'resnet50', code: resnet50 },
  { id: 'mobilenet-v2', code: mobilenetV2 },
  { id: 'lstm-text', code: lstmText },
  { id: 'transformer-encoder', code: transformerEncoder },
  {
    id: 'keras-io-mnist-convnet',
    code: kerasIoMnistConvnet,
    source: { url: 'https://keras.io/examples/vision/mnist_convnet/', license: 'Apache-2.0' },
  },
];
