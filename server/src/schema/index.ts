// The schema's public surface.
export * from './types';
export { loadSchema, createSchema, parseType } from './schema';
export { resolvePath, rootObject, step, fieldsOf, describeType, typeDisplayName } from './resolve';
export type { ResolvedNode, ResolvedVia } from './resolve';
export { isValidQuantity, quantitySuffixes } from './quantity';
export { extractDefault } from './defaults';
export { resourceNameMeaning, resourceNames } from './data/quantities';
export { storageClassParameters } from './data/storage-class-parameters';
export type { StorageParameter } from './data/storage-class-parameters';
export { composeSchema, isCrdDocument, readCrd } from './custom-resources';
export type { CrdDeclaration, CustomKindSource } from './custom-resources';
