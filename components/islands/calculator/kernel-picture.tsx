/**
 * A small picture of a convolution's kernel tensor: each filter as a stack of kh × kw slices,
 * one per input channel, with its bias beside it; the first few filters, an ellipsis, the last.
 */
import { groupDigits } from '@calc/basics.ts';
import type { CalculatorStrings } from '@i18n/index.ts';
import { fill } from '@i18n/fill.ts';
import type { KernelBlock } from './kernel-plan.ts';
import { OutputCells, outputCellsSize } from './output-cells.tsx';
import { WindowPicture } from './window-picture.tsx';
import { pickable, type WindowPlan } from './window-plan.ts';

const MAX_SLICES = 4;
const SHOWN = 3;
const SLICE = 34;
const OFFSET = 5;

/** `3 × 3`, `5`, `3 × 3 × 3`. */
const windowText = (w: number[]): string => w.join(' × ');

/** The caption under a block, in words. */
export function blockCaption(b: KernelBlock, s: CalculatorStrings): string {
  const values = { count: groupDigits(b.count), kernel: windowText(b.window), depth: groupDigits(b.depth) };
  if (b.what === 'depthwise') return fill(s.depthwiseCaption, { ...values, bias: b.bias ? s.kernelBias : '' });
  if (b.what === 'pointwise') return fill(s.pointwiseCaption, { ...values, bias: b.bias ? s.kernelBias : '' });
  return fill(s.kernelCaption, { ...values, bias: b.bias ? s.kernelBias : '' });
}

/** One kernel: a few stacked slices of the window's grid, and its bias. */
function Kernel({ x, block, label }: { x: number; block: KernelBlock; label: string }) {
  const rows = block.window.length >= 2 ? block.window[block.window.length - 2]! : block.window[0]!;
  const cols = block.window.length >= 2 ? block.window[block.window.length - 1]! : 1;
  const cell = SLICE / Math.max(rows, cols);
  const w = cols * cell;
  const h = rows * cell;
  const slices = Math.min(block.depth, MAX_SLICES);
  const grid = rows <= 9 && cols <= 9;
  const top = (slices - 1) * OFFSET;
  const parts = [];
  for (let d = slices - 1; d >= 0; d--) {
    const sx = x + d * OFFSET;
    const sy = top - d * OFFSET + 4;
    parts.push(<rect class="pl-pic__slice" x={sx} y={sy} width={w} height={h} />);
    if (d === 0 && grid) {
      for (let r = 1; r < rows; r++) parts.push(<line class="pl-pic__grid" x1={sx} x2={sx + w} y1={sy + r * cell} y2={sy + r * cell} />);
      for (let c = 1; c < cols; c++) parts.push(<line class="pl-pic__grid" x1={sx + c * cell} x2={sx + c * cell} y1={sy} y2={sy + h} />);
    }
  }
  const right = x + w + (slices - 1) * OFFSET;
  return (
    <g>
      {parts}
      {block.depth > MAX_SLICES && (
        <text class="pl-pic__small" x={right + 2} y={8}>
          ×{groupDigits(block.depth)}
        </text>
      )}
      {block.bias && <circle class="pl-pic__bias" cx={right + 9} cy={top + 4 + h / 2} r={5} />}
      <text class="pl-pic__label" x={x} y={top + h + 18}>
        {label}
      </text>
    </g>
  );
}

/** The first kernels, an ellipsis and the last one, laid out left to right. */
function Block({ block, s }: { block: KernelBlock; s: CalculatorStrings }) {
  const many = block.count > SHOWN + 1;
  const indices = many
    ? [...Array.from({ length: SHOWN }, (_, i) => i + 1), block.count]
    : Array.from({ length: block.count }, (_, i) => i + 1);
  const step = SLICE + (Math.min(block.depth, MAX_SLICES) - 1) * OFFSET + (block.bias ? 20 : 8) + 10;
  const height = SLICE + (Math.min(block.depth, MAX_SLICES) - 1) * OFFSET + 28;
  const items = indices.map((n, i) => {
    const x = 2 + i * step + (many && i === SHOWN ? 24 : 0);
    const label =
      block.what === 'filters' || block.what === 'pointwise' ? fill(s.filterLabel, { n: groupDigits(n) }) : `#${groupDigits(n)}`;
    return <Kernel x={x} block={block} label={label} />;
  });
  const width = 2 + indices.length * step + (many ? 24 : 0);
  const caption = blockCaption(block, s);
  return (
    <figure class="pl-pic" data-picture="kernel" data-what={block.what}>
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} aria-hidden="true" focusable="false">
        {items}
        {many && (
          <text class="pl-pic__label" x={2 + SHOWN * step + 2} y={SLICE / 2 + 8}>
            …
          </text>
        )}
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

/**
 * Where one filter's numbers go: the output map it makes (its first cell marked), the reason a
 * convolution's count ignores the image size. Drawn alone when the sliding-kernel picture cannot
 * show the window (a 1-D or 3-D map, or a window wider than its drawing).
 */
function OutputMap({ block, map, s }: { block: KernelBlock; map: number[]; s: CalculatorStrings }) {
  const [rows, cols] = map.length >= 2 ? [map[map.length - 2]!, map[map.length - 1]!] : [1, map[0]!];
  const left = 4;
  const top = 20;
  const size = outputCellsSize(rows, cols);
  const values = {
    map: windowText(map),
    kernel: windowText(block.window),
    depth: groupDigits(block.depth),
    count: groupDigits(block.count),
    bias: block.bias ? s.outputMapBias : '',
  };
  const caption = fill(s.outputMapCaption, values);
  return (
    <figure class="pl-pic" data-picture="output-map" data-map={map.join('x')}>
      <svg
        viewBox={`0 0 ${left + size.width + 110} ${top + size.height + 8}`}
        width={left + size.width + 110}
        height={top + size.height + 8}
        role="img"
        aria-label={caption}
      >
        <OutputCells rows={rows} cols={cols} left={left} top={top} picked={[0, 0]} mapText={values.map} count={values.count} s={s} />
      </svg>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

export function KernelPicture({
  blocks,
  strings,
  map,
  window,
}: {
  blocks: KernelBlock[];
  strings: CalculatorStrings;
  map?: number[] | null;
  /** Where the window falls on a 2-D input: drawn as the sliding kernel when its first window fits the drawing. */
  window?: WindowPlan | null;
}) {
  const filters = blocks.length === 1 && blocks[0]?.what === 'filters' ? blocks[0] : null;
  const slides = window && map?.length === 2 && pickable(window.rows) > 0 && pickable(window.cols) > 0;
  return (
    <div class="pl-pics">
      {blocks.map((b) => (
        <Block block={b} s={strings} />
      ))}
      {filters &&
        map &&
        (slides ? (
          <WindowPicture block={filters} plan={window} map={map} s={strings} />
        ) : (
          <OutputMap block={filters} map={map} s={strings} />
        ))}
    </div>
  );
}
