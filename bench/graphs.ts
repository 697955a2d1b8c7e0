/**
 * The benchmark's models as plain graphs in Keras's vocabulary, so one description can be
 * written out as Keras 3 JSON for our importer.
 */
import type { LayerArgs } from '@calc/basics.ts';

export interface GraphNode {
  name: string;
  type: string;
  args: LayerArgs;
  /** Names of the nodes this one is called on (one, or several for a merge). */
  inbound: string[];
}

export interface Graph {
  name: string;
  kind: 'sequential' | 'functional';
  /** Input shape without the batch axis. */
  input: number[];
  /** Layers in call order; the input is the implicit node `input_layer`. */
  nodes: GraphNode[];
  output: string;
}

export const INPUT = 'input_layer';

/** Builds a chain while handing out Keras-style names (`dense`, `dense_1`, …). */
class Chain {
  readonly nodes: GraphNode[] = [];
  private readonly counts = new Map<string, number>();
  last = INPUT;

  add(type: string, args: LayerArgs, inbound: string[] = [this.last], name?: string): string {
    const prefix = type
      .replace(/(.)([A-Z][a-z]+)/g, '$1_$2')
      .replace(/([a-z])([A-Z])/g, '$1_$2')
      .toLowerCase();
    const n = this.counts.get(prefix) ?? 0;
    this.counts.set(prefix, n + 1);
    const unique = name ?? (n === 0 ? prefix : `${prefix}_${n}`);
    this.nodes.push({ name: unique, type, args, inbound });
    this.last = unique;
    return unique;
  }
}

/** An MLP of `blocks` × [Dense(64), BatchNormalization, ReLU, Dropout]: 4 layers per block. */
export function denseStack(layers: number): Graph {
  const c = new Chain();
  for (let i = 0; i < layers / 4; i++) {
    c.add('Dense', { units: 64 });
    c.add('BatchNormalization', {});
    c.add('Activation', { activation: 'relu' });
    c.add('Dropout', { rate: 0.1 });
  }
  return { name: 'sequential', kind: 'sequential', input: [64], nodes: c.nodes, output: c.last };
}

/** A VGG-like CNN: [Conv2D(32, 3, same), BatchNormalization, ReLU] blocks, then GAP and Dense(10). */
export function convStack(layers: number): Graph {
  const c = new Chain();
  for (let i = 0; i < (layers - 2) / 3; i++) {
    c.add('Conv2D', { filters: 32, kernel_size: [3, 3], padding: 'same' });
    c.add('BatchNormalization', {});
    c.add('Activation', { activation: 'relu' });
  }
  c.add('GlobalAveragePooling2D', {});
  c.add('Dense', { units: 10, activation: 'softmax' });
  return { name: 'sequential', kind: 'sequential', input: [32, 32, 3], nodes: c.nodes, output: c.last };
}

/** ResNet50 (keras.applications, v1): 177 layers, 16 bottleneck blocks joined by Add. */
export function resnet50(): Graph {
  const c = new Chain();
  const bn = (name: string, from: string): string => c.add('BatchNormalization', { axis: 3, epsilon: 1.001e-5 }, [from], name);
  c.add(
    'ZeroPadding2D',
    {
      padding: [
        [3, 3],
        [3, 3],
      ],
    },
    [INPUT],
    'conv1_pad',
  );
  c.add('Conv2D', { filters: 64, kernel_size: [7, 7], strides: [2, 2] }, [c.last], 'conv1_conv');
  bn('conv1_bn', c.last);
  c.add('Activation', { activation: 'relu' }, [c.last], 'conv1_relu');
  c.add(
    'ZeroPadding2D',
    {
      padding: [
        [1, 1],
        [1, 1],
      ],
    },
    [c.last],
    'pool1_pad',
  );
  c.add('MaxPooling2D', { pool_size: [3, 3], strides: [2, 2] }, [c.last], 'pool1_pool');

  const block = (filters: number, stride: number, convShortcut: boolean, name: string): void => {
    const x = c.last;
    let shortcut = x;
    if (convShortcut) {
      c.add('Conv2D', { filters: 4 * filters, kernel_size: [1, 1], strides: [stride, stride] }, [x], `${name}_0_conv`);
      shortcut = bn(`${name}_0_bn`, c.last);
    }
    c.add('Conv2D', { filters, kernel_size: [1, 1], strides: [stride, stride] }, [x], `${name}_1_conv`);
    bn(`${name}_1_bn`, c.last);
    c.add('Activation', { activation: 'relu' }, [c.last], `${name}_1_relu`);
    c.add('Conv2D', { filters, kernel_size: [3, 3], padding: 'same' }, [c.last], `${name}_2_conv`);
    bn(`${name}_2_bn`, c.last);
    c.add('Activation', { activation: 'relu' }, [c.last], `${name}_2_relu`);
    c.add('Conv2D', { filters: 4 * filters, kernel_size: [1, 1] }, [c.last], `${name}_3_conv`);
    const residual = bn(`${name}_3_bn`, c.last);
    c.add('Add', {}, [shortcut, residual], `${name}_add`);
    c.add('Activation', { activation: 'relu' }, [c.last], `${name}_out`);
  };
  const stages: [string, number, number, number][] = [
    ['conv2', 64, 3, 1],
    ['conv3', 128, 4, 2],
    ['conv4', 256, 6, 2],
    ['conv5', 512, 3, 2],
  ];
  for (const [stage, filters, blocks, stride] of stages) {
    for (let b = 1; b <= blocks; b++) block(filters, b === 1 ? stride : 1, b === 1, `${stage}_block${b}`);
  }
  c.add('GlobalAveragePooling2D', {}, [c.last], 'avg_pool');
  c.add('Dense', { units: 1000, activation: 'softmax' }, [c.last], 'predictions');
  return { name: 'resnet50', kind: 'functional', input: [224, 224, 3], nodes: c.nodes, output: c.last };
}
