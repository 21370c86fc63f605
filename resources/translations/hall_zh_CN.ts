<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>BoardWidget</name>
    <message>
        <location filename="../../ui/screen/board.py" line="34"/>
        <source>DEMO — not a real hall</source>
        <translation>演示系统 · 非真实业务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="48"/>
        <source>Now calling</source>
        <translation>正在呼叫</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="69"/>
        <source>Recent calls</source>
        <translation>最近叫号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="72"/>
        <source>Windows</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="83"/>
        <source>Waiting</source>
        <translation>等候人数</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="106"/>
        <source>● Live</source>
        <translation>● 实时</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="110"/>
        <source>Reconnecting… showing the last known state</source>
        <translation>正在重新连接…显示最后状态</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="112"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="118"/>
        <source>Please go to window {0}</source>
        <translation>请到{0}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="121"/>
        <source>Please wait for your number</source>
        <translation>请留意叫号</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="122"/>
        <source>Window {0}</source>
        <translation>{0}号窗口</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="129"/>
        <source>Welcome. Please take a ticket at the self-service kiosk and wait for your number.</source>
        <translation>欢迎光临，请在自助终端取号，留意叫号。</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="152"/>
        <source>Paused</source>
        <translation>暂停服务</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="154"/>
        <source>Closed</source>
        <translation>未开放</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="156"/>
        <source>Free</source>
        <translation>空闲</translation>
    </message>
    <message>
        <location filename="../../ui/screen/board.py" line="170"/>
        <source>{0} {1}: {2} waiting</source>
        <translation>{0} {1}：{2}人等候</translation>
    </message>
</context>
</TS>
