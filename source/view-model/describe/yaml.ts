/**
`y`: an object as YAML, from the `yaml` library, with managedFields dropped (noise nobody reads in a terminal).
Secrets are never fetched, so the only secret material an object can carry is a reference (secretKeyRef).
*/
import {stringify} from 'yaml';
import type {KubeObject} from '../../kube/types.js';

/** The object without metadata.managedFields, apiVersion and kind first as kubectl prints them. */
export function yamlView(object: KubeObject): Record<string, unknown> {
	const {apiVersion, kind, metadata, ...rest} = object;
	const {managedFields: _dropped, ...meta} = metadata;
	return {...(apiVersion ? {apiVersion} : {}), ...(kind ? {kind} : {}), metadata: meta, ...rest};
}

/**
The YAML text of an object. Objects from a watch may lack apiVersion/kind (list items do); `kind` fills them in.
*/
export function objectYaml(object: KubeObject, kind?: {apiVersion: string; kind: string}): string {
	const typed = {...object, apiVersion: object.apiVersion ?? kind?.apiVersion, kind: object.kind ?? kind?.kind};
	return stringify(yamlView(typed), {lineWidth: 0, aliasDuplicateObjects: false});
}

/** The YAML as lines, for a scrolling view. */
export function objectYamlLines(object: KubeObject, kind?: {apiVersion: string; kind: string}): string[] {
	return objectYaml(object, kind).replace(/\n$/, '').split('\n');
}
