#!/usr/bin/env python3
"""The rows of clickup.h's route table (CLICKUP__ROUTES), made from ClickUp's OpenAPI file by the
rules stated in the header's [routes] banner. Run from the repository root; paste the output
between "#define CLICKUP__ROUTES(X)" and the OTHER row. tests/test_openapi.c checks the table
against the file both ways."""
import json, re, sys
d=json.load(open('tests/data/clickup-openapi/clickup-api-v2-reference.json'))
existing = {  # operationId -> (ID, decoder column)
 'GetAuthorizedTeams':('GET_TEAMS','CLICKUP__DEC(teams, teams)'), 'GetSpaces':('GET_SPACES','CLICKUP__DEC(spaces, spaces)'),
 'GetFolders':('GET_FOLDERS','CLICKUP__DEC(folders, folders)'), 'GetLists':('GET_LISTS','CLICKUP__DEC(lists, lists)'),
 'GetFolderlessLists':('GET_FOLDERLESS_LISTS','CLICKUP__DEC(lists, lists)'), 'GetList':('GET_LIST','CLICKUP__DEC(list, list)'),
 'GetTask':('GET_TASK','CLICKUP__DEC(task, task)'), 'GetTasks':('GET_TASKS',None), 'GetFilteredTeamTasks':('GET_TEAM_TASKS',None),
 'CreateTask':('CREATE_TASK','CLICKUP__DEC(task, task)'), 'UpdateTask':('UPDATE_TASK','CLICKUP__DEC(task, task)'),
 'AddTagToTask':('ADD_TAG',None), 'RemoveTagFromTask':('REMOVE_TAG',None), 'SetCustomFieldValue':('SET_FIELD',None),
 'RemoveCustomFieldValue':('REMOVE_FIELD',None), 'GetTaskTemplates':('GET_TEMPLATES',None),
 'CreateTaskFromTemplate':('CREATE_FROM_TEMPLATE','CLICKUP__DEC(template_task, template_task)'),
 'GetSpace':('GET_SPACE','CLICKUP__DEC(space, space)'), 'CreateSpace':('CREATE_SPACE','CLICKUP__DEC(space, space)'),
 'UpdateSpace':('UPDATE_SPACE','CLICKUP__DEC(space, space)'), 'GetFolder':('GET_FOLDER','CLICKUP__DEC(folder, folder)'),
 'CreateFolder':('CREATE_FOLDER','CLICKUP__DEC(folder, folder)'), 'UpdateFolder':('UPDATE_FOLDER','CLICKUP__DEC(folder, folder)'),
 'CreateList':('CREATE_LIST','CLICKUP__DEC(list, list)'), 'CreateFolderlessList':('CREATE_FOLDERLESS_LIST','CLICKUP__DEC(list, list)'),
 'UpdateList':('UPDATE_LIST','CLICKUP__DEC(list, list)'), 'GetSpaceTags':('GET_SPACE_TAGS','CLICKUP__DEC(space_tags, space_tags)'),
 'GetTeamViews':('GET_TEAM_VIEWS','CLICKUP__DEC(views, views)'), 'GetSpaceViews':('GET_SPACE_VIEWS','CLICKUP__DEC(views, views)'),
 'GetFolderViews':('GET_FOLDER_VIEWS','CLICKUP__DEC(views, views)'), 'GetListViews':('GET_LIST_VIEWS','CLICKUP__DEC(views, views)'),
 'GetView':('GET_VIEW','CLICKUP__DEC(view, view)'),
 'GetWebhooks':('GET_WEBHOOKS',None),'CreateWebhook':('CREATE_WEBHOOK',None),'UpdateWebhook':('UPDATE_WEBHOOK',None),'DeleteWebhook':('DELETE_WEBHOOK',None)}
# POSTs that set a value (idempotent by nature): may be sent again
safe_posts = {'SetCustomFieldValue','AddTagToTask','AddDependency','AddTaskLink','AddGuestToTask','AddGuestToList',
              'AddGuestToFolder','AddTaskToList','Addtagsfromtimeentries'}
cache = {'GetAuthorizedTeams':'TEAM','GetSpaces':'TEAM','GetSpace':'TEAM','GetAuthorizedUser':'TEAM',
         'GetFolders':'HIERARCHY','GetFolder':'HIERARCHY','GetLists':'HIERARCHY','GetFolderlessLists':'HIERARCHY','GetList':'HIERARCHY',
         'GetAccessibleCustomFields':'HIERARCHY','getFolderAvailableFields':'HIERARCHY','getSpaceAvailableFields':'HIERARCHY',
         'getTeamAvailableFields':'HIERARCHY','GetSpaceTags':'HIERARCHY',
         'GetTasks':'TASKS','GetFilteredTeamTasks':'TASKS','GetViewTasks':'TASKS'}
ALL='CLICKUP__INV_ALL'; T='CLICKUP__INV_TASKS'; TH='CLICKUP__INV_TASKS | CLICKUP__INV_HIERARCHY'; TEAM='CLICKUP__INV_TEAM'; H='CLICKUP__INV_HIERARCHY'
def invalidates(m, path, op):
    if m=='GET': return '0'
    # the hierarchy itself: spaces, folders, lists (and lists/folders from templates, space tags, views of them)
    if re.match(r'^(Create|Update|Delete)(Space|Folder|List|FolderlessList)$', op) or op in ('CreateFolderFromTemplate','CreateFolderListFromTemplate','CreateSpaceListFromTemplate'):
        return ALL
    if op in ('CreateSpaceTag','EditSpaceTag','DeleteSpaceTag'): return TH   # tags show in tasks
    if op in ('CreateTask','DeleteTask','AddTaskToList','RemoveTaskFromList','mergeTasks','CreateTaskFromTemplate'): return TH
    if op == 'UpdateTask': return T          # counts do not change (an archive adds the hierarchy)
    if path.startswith('/task/') or path.startswith('/checklist/'): return T   # tags, fields, links, attachments, checklists, time, guests
    if 'time_entries' in path: return T      # time spent shows in tasks
    if op in ('InviteUserToWorkspace','EditUserOnWorkspace','RemoveUserFromWorkspace','InviteGuestToWorkspace','EditGuestOnWorkspace',
              'RemoveGuestFromWorkspace','CreateUserGroup','UpdateTeam','DeleteTeam'): return TEAM   # members live in GET /team
    if op in ('AddGuestToList','RemoveGuestFromList','AddGuestToFolder','RemoveGuestFromFolder'): return H
    return '0'   # comments, goals, key results, views, webhooks, OAuth: nothing typed is cached (OTHER always drops)
def ident(op):
    op=op.replace("'","")
    s=re.sub(r'(?<=[a-z0-9])(?=[A-Z])','_',op).upper()
    return s
rows=[]; seen=set()
for path,item in d['paths'].items():
    for m,op in item.items():
        if m not in ('get','post','put','delete','patch'): continue
        M=m.upper(); p=path[3:]; oid=op['operationId']
        if oid in existing: ID,dec=existing[oid]
        else: ID,dec=ident(oid),None
        if ID=='GET_TEAMS1': ID='GET_USER_GROUPS'
        if ID=='UPDATE_TEAM': ID='UPDATE_USER_GROUP'
        if ID=='DELETE_TEAM': ID='DELETE_USER_GROUP'
        assert ID not in seen, ID; seen.add(ID)
        resend = 'SAFE' if M!='POST' or oid in safe_posts else 'ONCE'
        ca = cache.get(oid,'NONE') if M=='GET' else 'NONE'
        params=[x for x in op.get('parameters',[])+item.get('parameters',[]) if isinstance(x,dict)]
        ids='CLICKUP__CUSTOM_IDS' if any(x.get('name')=='custom_task_ids' for x in params) else '0'
        rows.append((ID,M,p,oid,resend,ca,invalidates(M,p,oid),dec or 'CLICKUP__NO_DEC',ids))
w_id=max(len(r[0]) for r in rows)+1; w_p=max(len(r[2]) for r in rows)+3; w_o=max(len(r[3]) for r in rows)+3
out=[]
for r in rows:
    out.append('    X(%-*s %-8s %-*s %-*s %s, %-9s %s, %s, %s) \\' % (w_id, r[0]+',', '"%s",'%r[1], w_p, '"%s",'%r[2], w_o, '"%s",'%r[3], r[4], r[5]+',', r[6], r[7], r[8]))
sys.stdout.write('\n'.join(out)+'\n')
