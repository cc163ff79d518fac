// KaTeX and its stylesheet, in a chunk of their own: loaded by katexLoader after the first screen is painted.
import katex from 'katex';
import 'katex/dist/katex.min.css';

export { katex };
