// adaptivecards-templating's typings import `adaptivecards/src/schema`, a TypeScript source file that does not
// compile under this project's settings. tsconfig `paths` points that one import here instead.
export interface IAdaptiveCard {
  [key: string]: unknown;
}
