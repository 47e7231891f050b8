import json,re,sys
lines=open('/work/shared/seed-docs/artifacts-api-reference.txt').read().split('\n')
start=lines.index('Schemas')
schemas={}
i=start+1
while i<len(lines):
    l=lines[i]
    if re.match(r'^[A-Za-z_][A-Za-z0-9_]*$',l) and i+2<len(lines) and lines[i+1]=='' and lines[i+2].startswith('{'):
        # read json
        j=i+2; depth=0; buf=[]
        while True:
            buf.append(lines[j])
            try:
                obj=json.loads('\n'.join(buf)); break
            except Exception: j+=1
        schemas[l]=obj; i=j+1
    else: i+=1
print(len(schemas))
for k,v in schemas.items(): print(k, list(v.keys())[:8])
json.dump(schemas,open('schemas.json','w'),indent=1)
